export * from './missing-forms';
export * from './study-lifecycle';
