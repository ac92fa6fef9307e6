import type { Role } from '@mini-edc/domain';

/** Who may enter which form (mirrors the API: assessors enter VAS and ODI only, monitors read). */
export function canEnterForm(role: Role | undefined, formCode: string): boolean {
  if (role === 'coordinator' || role === 'investigator') return true;
  if (role === 'assessor') return formCode === 'vas' || formCode === 'odi';
  return false;
}

export const isSiteStaff = (role: Role | undefined) => role === 'coordinator' || role === 'investigator';
