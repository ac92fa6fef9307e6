export * from './form-data-schema';
export * from './form-issues';
export * from './form-rules';
export * from './validate-form-data';
