export * from './blinded-definition';
export * from './blinding';
export * from './capabilities';
export * from './capability-table';
export * from './policy';
