import type { MatrixEntry } from './types';

export const visitEntries: Record<string, MatrixEntry> = {};
