export * from './audit';
export * from './exports';
export * from './participants';
export * from './randomization';
export * from './records';
export * from './review';
export * from './sites';
export * from './users';
