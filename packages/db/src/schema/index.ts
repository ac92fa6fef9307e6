export * from './audit';
export * from './participants';
export * from './randomization';
export * from './records';
export * from './review';
export * from './sites';
export * from './users';
