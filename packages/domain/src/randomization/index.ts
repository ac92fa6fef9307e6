export * from './canonical-json';
export * from './commitment';
export * from './csv-import';
export * from './generate-list';
export * from './params';
export * from './random-stream';
export * from './readiness';
export * from './sha256';
