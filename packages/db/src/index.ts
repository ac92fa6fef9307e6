export * from './audit';
export * from './audit-context';
export * from './client';
export { defaultMigrationsDir } from './migrate';
export * from './prepared';
export { lastStatement } from './round-trips';
export * from './rows';
export * from './save-statements';
export * as schema from './schema/index';
