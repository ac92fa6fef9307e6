import type { RandomizationParams } from '../randomization/params';
import type { StudyDefinition } from './definition-schema';

/**
 * The list parameters (protocol §4.2) a study definition implies: arm codes in definition order,
 * stratum keys in definition order. These, and only these, enter the list commitment.
 */
export function randomizationParamsFromDefinition(def: StudyDefinition): RandomizationParams {
  return {
    arms: def.arms.map((a) => a.code),
    ratio: [...def.randomization.ratio],
    blockSizes: [...def.randomization.blockSizes],
    strata: def.stratification.strata.map((s) => s.key),
    slotsPerStratum: def.randomization.slotsPerStratum,
    algorithmVersion: def.randomization.algorithmVersion,
  };
}
