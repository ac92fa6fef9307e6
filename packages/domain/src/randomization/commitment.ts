import { canonicalJson } from './canonical-json';
import type { RandomizationParams } from './params';
import { concatBytes, sha256Hex, utf8Encode } from './sha256';

/**
 * The list commitment of protocol §4.2: hex `SHA-256(seed ‖ canonical-JSON(params))`. Stored in
 * the list header while the seed stays secret; revealing the seed later lets anyone re-generate
 * the list and check it against this value.
 */
export function computeListCommitment(seed: Uint8Array, params: RandomizationParams): string {
  // Only the six documented keys are committed, whatever else the caller's object carries.
  const committed = {
    arms: params.arms,
    ratio: params.ratio,
    blockSizes: params.blockSizes,
    strata: params.strata,
    slotsPerStratum: params.slotsPerStratum,
    algorithmVersion: params.algorithmVersion,
  };
  return sha256Hex(concatBytes(seed, utf8Encode(canonicalJson(committed))));
}

/** True when `commitment` matches the seed and params (comparison is case-insensitive hex). */
export function verifyListCommitment(
  seed: Uint8Array,
  params: RandomizationParams,
  commitment: string,
): boolean {
  return computeListCommitment(seed, params) === commitment.trim().toLowerCase();
}
