export * from './form-data-schema';
