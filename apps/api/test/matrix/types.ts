import type { Role } from '@mini-edc/domain';
import type { MatrixFixture, SiteWorld } from './fixture';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface MatrixRequest {
  url: string;
  payload?: unknown;
}

/**
 * One row per registered route. `allowed` are the roles that may call it; `siteScoped` routes
 * address a resource at a site, and a caller from another site gets 404 (never a 403 that would
 * confirm the resource exists). `ok` is the status an allowed caller gets with `request`.
 */
export interface MatrixEntry {
  allowed: readonly Role[] | 'public';
  siteScoped: boolean;
  /** One status, or the statuses a repeated call may give (e.g. 201 then 200 for randomize). */
  ok: number | number[];
  /** Status for a public route, whoever calls it. */
  publicStatus?: number;
  request: (fx: MatrixFixture, site: SiteWorld) => MatrixRequest;
}
