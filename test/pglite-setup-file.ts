import { inject } from 'vitest';

process.env.EDC_TEST_PGLITE_SNAPSHOT = inject('pgliteSnapshot');
