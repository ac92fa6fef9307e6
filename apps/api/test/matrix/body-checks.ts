import { isBlinded, lbpTrial, type Role } from '@mini-edc/domain';
import { findNeedles, needlesOf } from '../leak-crawler/needles';
import type { MatrixFixture, SiteWorld } from './fixture';

/**
 * Checks of what a matrix cell got back, not only its status (R-ACCESS-1). Each check sees every
 * answered GET and returns what is wrong with it: the site scope, and for a blinded caller the
 * needles of the blinding leak crawler (blinding-leak-crawler.test.ts walks every GET route again
 * with data planted in every revealing form; here the same search runs on the matrix's answers).
 */
export interface BodyCell {
  key: string;
  caller: Role;
  site: 'own' | 'other';
  /** The request's URL: ids the caller sent may be echoed (a CSV states its filters). */
  url: string;
  status: number;
  contentType: string;
  body: string;
}

export type BodyCheck = (cell: BodyCell, fx: MatrixFixture) => string[];

/** Every id of a site's world: a body that shows one of them shows a row of that site. */
export function idsOf(world: SiteWorld): string[] {
  return [world.siteId, world.participantId, world.recordId, ...Object.values(world.extras)].filter(Boolean);
}

/**
 * Routes whose answer goes beyond the caller's sites by design, for whom, and why. Every other
 * answer holds rows of the caller's sites only.
 */
export const beyondOwnSites: Record<string, { who: readonly Role[]; why: string }> = {
  'GET /api/v1/admin/sites': { who: ['admin'], why: 'the administrator keeps the list of sites' },
  'GET /api/v1/admin/users': { who: ['admin'], why: 'the administrator manages the accounts of every site' },
  'GET /api/v1/admin/study/pre-lock-checks': {
    who: ['admin'],
    why: 'the lock is one decision for the whole study, so its checks name open items at every site (R-CLOSE-1)',
  },
  'GET /api/v1/audit': { who: ['admin'], why: 'admins are global for the audit trail (docs/security.md §6)' },
  'GET /api/v1/audit/export.csv': { who: ['admin'], why: 'as GET /api/v1/audit' },
};

const textual = /^(application\/json|text\/|application\/xml)/;

/** Nothing of a site the caller does not belong to (the fixture's users all work at `own`). */
export const siteScopeCheck: BodyCheck = (cell, fx) => {
  if (cell.status !== 200 || !textual.test(cell.contentType)) return [];
  if (beyondOwnSites[cell.key]?.who.includes(cell.caller)) return [];
  const leaked = idsOf(fx.other).filter((id) => cell.body.includes(id) && !cell.url.includes(id));
  return leaked.length === 0
    ? []
    : [`${cell.key} as ${cell.caller} (${cell.site} site) shows other-site ids ${leaked.join(', ')}`];
};

const armNeedles = needlesOf(lbpTrial, []);

/** Nothing that tells the arm reaches a blinded caller (R-BLIND-2), the trial's title aside. */
export const armRevealingCheck: BodyCheck = (cell) => {
  if (!isBlinded({ role: cell.caller }) || !textual.test(cell.contentType)) return [];
  const files = cell.key.startsWith('GET /api/v1/exports/');
  const searched = armNeedles.filter((n) => files || !n.filesOnly);
  return findNeedles(cell.body, searched, [lbpTrial.name]).map(
    (hit) => `${cell.key} as ${cell.caller}: ${hit.needle.why} "${hit.needle.text}": …${hit.snippet}…`,
  );
};
export const bodyChecks: BodyCheck[] = [siteScopeCheck, armRevealingCheck];

/**
 * List routes and the own-site id each must show to an allowed caller asking about its own site:
 * without it, an empty answer would pass the site-scope check above.
 */
export const ownRowsShown: Record<string, (own: SiteWorld) => string> = {
  'GET /api/v1/participants': (own) => own.participantId,
  'GET /api/v1/queries': (own) => own.extras.queryId ?? own.participantId,
  'GET /api/v1/audit': (own) => own.extras.studyId ?? own.participantId,
  // The worklist is not here: no visit of the fixture's participants is due yet, so it is empty
  // for every caller and only the site-scope check above applies to it.
};
