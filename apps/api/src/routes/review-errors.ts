import { errorResponses } from './route-common';

/** Error answers of the monitor journey routes (design invariant 6). */
export const reviewErrors = errorResponses;

/** Monitors write nothing but queries and SDV marks (design invariant 5, issue 6 item 6). */
export const reviewRoles = {
  everyone: ['admin', 'coordinator', 'investigator', 'assessor', 'monitor'],
  /** Audit review and the review state: everyone but the blinded assessor. */
  unblinded: ['admin', 'coordinator', 'investigator', 'monitor'],
  auditors: ['admin', 'monitor'],
  queryOpeners: ['monitor', 'investigator'],
  queryAnswerers: ['coordinator', 'investigator'],
  queryClosers: ['monitor', 'investigator'],
  monitor: ['monitor'],
} as const;
