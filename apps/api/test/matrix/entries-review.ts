import type { MatrixEntry } from './types';

export const reviewEntries: Record<string, MatrixEntry> = {};
