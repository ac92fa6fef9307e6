import type { App } from '../../src/app';
import type { MatrixFixture } from './fixture';

/** Adds what the monitor routes address (queries, SDV marks) to each site's world. */
export async function extendFixtureForReview(_app: App, _fx: MatrixFixture): Promise<void> {}
