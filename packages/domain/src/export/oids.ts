import type { StudyDefinition } from '../study/definition-schema';
import type { ExportOptions } from './types';

/**
 * Stable ODM OIDs derived from codes in the study definition, so two exports of the same study
 * can be compared and merged. Form and field codes contain no "." (definition-schema), so the
 * dotted prefixes below cannot collide; the SYS.* names are ours and no definition code can reach
 * them either.
 */

/** Upper case, with anything but letters, digits, "_" and "-" replaced by "_". */
export function oidPart(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9_-]/g, '_');
}

/** Ids (user uuids, site codes) keep their case: they are looked up, not read. */
function idPart(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_') || '_';
}

export const odmOid = {
  study: (def: StudyDefinition) => `ST.${oidPart(def.nctId)}`,
  /**
   * The blinded metadata lacks the arm item, so it is a different metadata version and gets its
   * own OID: a receiver never sees two different contents under one MetaDataVersion OID. Each
   * stored version of the study definition is its own metadata version (R-DEF-6).
   */
  metaDataVersion: (opts: ExportOptions, version = 1) => `MDV.${version}${opts.blinded ? '.BLINDED' : ''}`,
  event: (visitCode: string) => `SE.${oidPart(visitCode)}`,
  form: (formCode: string) => `F.${oidPart(formCode)}`,
  itemGroup: (formCode: string) => `IG.${oidPart(formCode)}`,
  item: (formCode: string, field: string) => `I.${oidPart(formCode)}.${oidPart(field)}`,
  codeList: (formCode: string, field: string) => `CL.${oidPart(formCode)}.${oidPart(field)}`,
  user: (actorId: string) => `U.${idPart(actorId)}`,
  location: (siteCode: string) => `LOC.${idPart(siteCode)}`,
};

/** Randomization lives in no eCRF; ODM gets a system event and form for it. */
export const SYS = {
  randomizationEvent: 'SE.SYS.RANDOMIZATION',
  randomizationForm: 'F.SYS.RANDOMIZATION',
  randomizationGroup: 'IG.SYS.RANDOMIZATION',
  arm: 'I.SYS.ARM',
  stratum: 'I.SYS.STRATUM',
  randomizedAt: 'I.SYS.RANDOMIZED_AT',
  armCodes: 'CL.SYS.ARM',
  stratumCodes: 'CL.SYS.STRATUM',
  /** Records at visit codes the definition does not list (treatment, unscheduled, §5.1). */
  otherEvent: 'SE.SYS.OTHER',
  yesNo: 'CL.SYS.YES_NO',
} as const;
