import { type AccessSubject, blindViewFor, canEnterForm, formsOpenToDiscussion } from '@mini-edc/domain';
import { study } from '../forms/study';

/**
 * The access policy of packages/domain/src/access for this study's screens: the web asks the same
 * questions the API answers, so it never offers what the server would refuse or hide.
 */
export function mayEnterForm(user: AccessSubject | null | undefined, formCode: string): boolean {
  return canEnterForm(user, study, formCode);
}

/** Forms whose records (and their sections) the user sees in full. */
export function formsShownTo(user: AccessSubject | null | undefined): ReadonlySet<string> {
  const view = blindViewFor(user, study);
  return new Set(view === null ? study.forms.map((f) => f.code) : formsOpenToDiscussion(view, study));
}
