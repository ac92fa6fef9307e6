import { isOutcomeForm, type Role } from '@mini-edc/domain';
import { study } from '../forms/study';

/** Who may enter which form (mirrors the API: assessors enter the outcome forms only, monitors read). */
export function canEnterForm(role: Role | undefined, formCode: string): boolean {
  if (role === 'coordinator' || role === 'investigator') return true;
  if (role === 'assessor') return isOutcomeForm(study, formCode);
  return false;
}

export const isSiteStaff = (role: Role | undefined) => role === 'coordinator' || role === 'investigator';
