export * from './odi';
export * from './odi-change';
export * from './odi-schema';
export * from './vas';
