export * from './allocation-report';
export * from './allocation-verification';
export * from './casebook-model';
export * from './missing-forms';
export * from './study-lifecycle';
