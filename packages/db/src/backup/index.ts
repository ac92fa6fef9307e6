export * from './load';
export * from './session';
export * from './snapshot';
export * from './verify';
