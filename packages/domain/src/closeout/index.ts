export * from './allocation-report';
export * from './allocation-verification';
export * from './missing-forms';
export * from './study-lifecycle';
