export * from './audit';
export * from './audit-context';
export * from './client';
export { defaultMigrationsDir } from './migrate';
export * from './rows';
export * as schema from './schema/index';
export { lastStatement } from './round-trips';
