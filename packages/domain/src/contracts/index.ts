export * from './admin';
export * from './auth';
export * from './errors';
export * from './health';
export * from './lifecycle';
export * from './participants';
export * from './randomization';
export * from './review';
