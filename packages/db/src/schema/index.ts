export * from './audit';
export * from './participants';
export * from './sites';
export * from './users';
