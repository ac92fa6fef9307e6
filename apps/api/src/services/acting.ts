import type { AuditContext } from '@mini-edc/db';
import type { AuthUser } from './sessions';

/**
 * Who makes a request: the signed-in user, for the access rules, and the audit context the
 * request's writes are recorded under (docs/architecture.md). A service call takes these together
 * with its ids in one named object, so that two ids of the same type cannot trade places unseen.
 */
export interface Acting {
  user: AuthUser;
  ctx: AuditContext;
}
