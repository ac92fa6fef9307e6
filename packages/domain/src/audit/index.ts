export * from './audit-field-search';
export * from './audit-items';
export * from './audit-terms';
