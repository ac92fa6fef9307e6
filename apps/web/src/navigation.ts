import { type AccessSubject, type Capability, can, canAny } from '@mini-edc/domain';
import type { en } from './i18n/en';

export interface NavItem {
  to: string;
  label: `nav.${keyof typeof en.nav}`;
  /** Any of these capabilities of the access policy opens the page. */
  needs: readonly Capability[];
}

/**
 * Which pages a user may open, asked of the access policy (packages/domain/src/access), the same
 * one the API enforces on every call. The header menu and the route guards both read this list,
 * so a link is never shown for a page the user cannot use.
 */
const navItems: readonly NavItem[] = [
  { to: '/grid', label: 'nav.grid', needs: ['use_record_grid'] },
  { to: '/participants', label: 'nav.participants', needs: ['read_participants'] },
  { to: '/dashboard', label: 'nav.dashboard', needs: ['view_dashboard'] },
  { to: '/queries', label: 'nav.queries', needs: ['raise_query', 'raise_self_check', 'answer_query'] },
  { to: '/audit', label: 'nav.audit', needs: ['review_audit'] },
  { to: '/exports', label: 'nav.exports', needs: ['export_data'] },
  { to: '/admin/users', label: 'nav.users', needs: ['manage_users'] },
  { to: '/admin/sites', label: 'nav.sites', needs: ['manage_sites'] },
  {
    to: '/admin/randomization-lists',
    label: 'nav.randomizationLists',
    needs: ['manage_randomization_lists'],
  },
  { to: '/admin/closeout', label: 'nav.closeout', needs: ['manage_study'] },
  { to: '/admin/definition', label: 'nav.amendments', needs: ['publish_amendments'] },
  { to: '/admin/odi-statements', label: 'nav.odiStatements', needs: ['load_instrument_texts'] },
];

export function needsFor(to: string): readonly Capability[] {
  return navItems.find((item) => item.to === to)?.needs ?? [];
}

export function navFor(user: AccessSubject): NavItem[] {
  return navItems.filter((item) => canAny(user, item.needs));
}

/**
 * Where sign-in lands, by capability: the record status grid for those who work from it (site
 * staff, monitors), the participants and their worklist for other readers, else the start page.
 */
export function landingPath(user: AccessSubject | null): string {
  if (can(user, 'use_record_grid')) return '/grid';
  if (can(user, 'read_participants')) return '/participants';
  return '/';
}
