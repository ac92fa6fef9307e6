import { errorResponses } from './route-common';

/** Error answers of the monitor journey routes (design invariant 6). */
export const reviewErrors = errorResponses;
