import { inject } from 'vitest';

process.env.EDC_TEST_PG_TEMPLATE = inject('pgTemplate');
