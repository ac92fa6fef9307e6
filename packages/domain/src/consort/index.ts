export * from './consort-labels';
export * from './consort-svg';
