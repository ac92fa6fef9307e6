export * from './audit';
export * from './client';
export { defaultMigrationsDir } from './migrate';
export * as schema from './schema/index';
