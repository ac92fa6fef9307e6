import type { Role } from '@mini-edc/domain';
import type { en } from './i18n/en';

export interface NavItem {
  to: string;
  label: `nav.${keyof typeof en.nav}`;
  roles: readonly Role[];
}

/**
 * What each role may open. The header menu and the route guards both read this list, so a link
 * is never shown for a page the role cannot use. The API enforces the same rules on every call.
 */
export const navItems: readonly NavItem[] = [
  {
    to: '/participants',
    label: 'nav.participants',
    roles: ['coordinator', 'investigator', 'monitor', 'assessor'],
  },
  {
    to: '/dashboard',
    label: 'nav.dashboard',
    roles: ['coordinator', 'investigator', 'monitor', 'assessor', 'admin'],
  },
  { to: '/queries', label: 'nav.queries', roles: ['monitor', 'investigator', 'coordinator'] },
  { to: '/audit', label: 'nav.audit', roles: ['monitor', 'admin', 'investigator', 'coordinator'] },
  {
    to: '/exports',
    label: 'nav.exports',
    roles: ['admin', 'monitor', 'investigator', 'coordinator', 'assessor'],
  },
  { to: '/admin/users', label: 'nav.users', roles: ['admin'] },
  { to: '/admin/sites', label: 'nav.sites', roles: ['admin'] },
  { to: '/admin/randomization-lists', label: 'nav.randomizationLists', roles: ['admin'] },
  { to: '/admin/closeout', label: 'nav.closeout', roles: ['admin'] },
];

export function rolesFor(to: string): readonly Role[] {
  return navItems.find((item) => item.to === to)?.roles ?? [];
}

export function navFor(role: Role): NavItem[] {
  return navItems.filter((item) => item.roles.includes(role));
}
