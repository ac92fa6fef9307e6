import type { MatrixEntry } from './types';

export const exportEntries: Record<string, MatrixEntry> = {};
