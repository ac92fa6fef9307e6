import { fieldMessageText } from '../contracts/field-messages';
import { seedHexPattern } from '../contracts/named-patterns';
import { computeListCommitment } from '../randomization/commitment';
import { validateRandomizationImport } from '../randomization/csv-import';
import { generateRandomizationList } from '../randomization/generate-list';
import { type RandomizationParams, randomizationParamsSchema } from '../randomization/params';
import { sha256Hex } from '../randomization/sha256';

/**
 * Allocation verification after lock (docs/closeout.md): re-derive the list from the revealed seed
 * (or the statistician's uploaded list file), check the commitment stored at the start, and compare
 * every stored slot and every allocation with the re-derived list. The API runs it on the database
 * and the command-line script (scripts/verify-allocation.mjs) on an allocation export file: the
 * same function, so an external statistician reproduces the product's verdict from the repository.
 */
export const ALLOCATION_EXPORT_FORMAT = 'mini-edc/allocation-export/1';

export interface AllocationExportSlot {
  stratum: string;
  seq: number;
  blockNo: number | null;
  blockSize: number | null;
  posInBlock: number | null;
  arm: string;
  /** Set once the slot was assigned. */
  studyId: string | null;
  siteCode: string | null;
  assignedAt: string | null;
}

/** Everything stored about one list, as the allocation export file carries it. */
export interface AllocationExport {
  format: typeof ALLOCATION_EXPORT_FORMAT;
  exportedAt: string;
  list: {
    id: string;
    name: string;
    method: 'generated' | 'imported';
    params: Record<string, unknown>;
    commitment: string;
    createdAt: string;
    /**
     * Per stratum, the slots before this list when a correction appended it to the list in use
     * (R-RAND-5): its stored seq continues from there, so the re-derived seq is shifted as much.
     */
    seqOffsets?: Record<string, number>;
  };
  slots: AllocationExportSlot[];
}

/** What the verifier reveals: the seed of a generated list, or the file of an imported one. */
export type AllocationSecret =
  | { kind: 'seed'; seedHex: string }
  | { kind: 'list_file'; text: string; records: ReadonlyArray<Readonly<Record<string, string | undefined>>> };

export type MismatchKind =
  | 'params_invalid'
  | 'list_file_invalid'
  | 'missing_slot'
  | 'unexpected_slot'
  | 'arm'
  | 'block_no'
  | 'block_size'
  | 'pos_in_block'
  | 'allocation_stratum';

export interface AllocationMismatch {
  kind: MismatchKind;
  stratum: string | null;
  seq: number | null;
  expected: string | number | null;
  stored: string | number | null;
  studyId: string | null;
}

export interface VerifiedAllocation {
  studyId: string;
  siteCode: string | null;
  stratum: string;
  seq: number;
  arm: string;
  expectedArm: string | null;
  assignedAt: string | null;
  ok: boolean;
}

export interface AllocationVerification {
  method: 'generated' | 'imported';
  algorithmVersion: string | null;
  params: Record<string, unknown>;
  commitment: string;
  /** The commitment recomputed from what the verifier supplied. */
  computedCommitment: string | null;
  commitmentMatches: boolean;
  slotsStored: number;
  slotsDerived: number;
  mismatchCount: number;
  firstMismatch: AllocationMismatch | null;
  allocations: VerifiedAllocation[];
  match: boolean;
}

/** The seed or list file given does not fit the list: a field code the web words, and its English. */
export class AllocationSecretError extends Error {
  readonly code: 'SEED_FORMAT' | 'LIST_NEEDS_FILE' | 'LIST_NEEDS_SEED';

  constructor(code: AllocationSecretError['code']) {
    super(fieldMessageText(code));
    this.code = code;
  }
}

const key = (stratum: string, seq: number) => `${stratum}\u0000${seq}`;

interface DerivedSlot {
  stratum: string;
  seq: number;
  blockNo: number | null;
  blockSize: number | null;
  posInBlock: number | null;
  arm: string;
}

/** The 32-byte seed from its hex form; a malformed one is the verifier's mistake, not a mismatch. */
export function seedFromHex(seedHex: string): Uint8Array {
  const hex = seedHex.trim();
  if (!seedHexPattern.test(hex)) throw new AllocationSecretError('SEED_FORMAT');
  return Uint8Array.from(hex.match(/../g) ?? [], (b) => Number.parseInt(b, 16));
}

function committedParams(params: Record<string, unknown>) {
  const { arms, ratio, blockSizes, strata, slotsPerStratum, algorithmVersion } = params;
  return randomizationParamsSchema.safeParse({
    arms,
    ratio,
    blockSizes,
    strata,
    slotsPerStratum,
    algorithmVersion,
  });
}

function derive(
  exp: AllocationExport,
  secret: AllocationSecret,
): { slots: DerivedSlot[] | null; computed: string | null; problem: AllocationMismatch | null } {
  const mismatch = (kind: MismatchKind): AllocationMismatch => ({
    kind,
    stratum: null,
    seq: null,
    expected: null,
    stored: null,
    studyId: null,
  });
  if (secret.kind === 'seed') {
    if (exp.list.method !== 'generated') throw new AllocationSecretError('LIST_NEEDS_FILE');
    const seed = seedFromHex(secret.seedHex);
    const parsed = committedParams(exp.list.params);
    if (!parsed.success) return { slots: null, computed: null, problem: mismatch('params_invalid') };
    const params: RandomizationParams = parsed.data;
    const slots = generateRandomizationList(seed, params).map((s) => ({ ...s, stratum: s.stratumKey }));
    return { slots, computed: computeListCommitment(seed, params), problem: null };
  }
  if (exp.list.method !== 'imported') throw new AllocationSecretError('LIST_NEEDS_SEED');
  const computed = sha256Hex(secret.text);
  const p = exp.list.params;
  const strings = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  const ratio = Array.isArray(p.ratio)
    ? p.ratio.filter((x): x is number => typeof x === 'number')
    : undefined;
  const result = validateRandomizationImport(secret.records, {
    arms: strings(p.arms),
    strata: strings(p.strata),
    ...(ratio ? { ratio } : {}),
  });
  if (!result.ok) return { slots: null, computed, problem: mismatch('list_file_invalid') };
  const slots = result.rows.map((r) => ({
    stratum: r.stratumKey,
    seq: r.seq,
    blockNo: r.blockNo,
    blockSize: r.blockSize,
    posInBlock: null,
    arm: r.arm,
  }));
  return { slots, computed, problem: null };
}

/** Compares one derived slot with the stored one; the first differing column, or null. */
function compareSlot(d: DerivedSlot, s: AllocationExportSlot): AllocationMismatch | null {
  const fields: [MismatchKind, string | number | null, string | number | null][] = [
    ['arm', d.arm, s.arm],
    ['block_no', d.blockNo, s.blockNo],
    ['block_size', d.blockSize, s.blockSize],
    ['pos_in_block', d.posInBlock, s.posInBlock],
  ];
  for (const [kind, expected, stored] of fields) {
    if (expected !== stored)
      return { kind, stratum: d.stratum, seq: d.seq, expected, stored, studyId: s.studyId };
  }
  return null;
}

export function verifyAllocation(exp: AllocationExport, secret: AllocationSecret): AllocationVerification {
  const { slots: fromSecret, computed, problem } = derive(exp, secret);
  const offsets = exp.list.seqOffsets ?? {};
  const derived = fromSecret?.map((d) => ({ ...d, seq: d.seq + (offsets[d.stratum] ?? 0) })) ?? null;
  const mismatches: AllocationMismatch[] = problem ? [problem] : [];
  const stored = new Map(exp.slots.map((s) => [key(s.stratum, s.seq), s]));
  const derivedByKey = new Map((derived ?? []).map((d) => [key(d.stratum, d.seq), d]));
  for (const d of derived ?? []) {
    const s = stored.get(key(d.stratum, d.seq));
    if (!s) {
      mismatches.push({
        kind: 'missing_slot',
        stratum: d.stratum,
        seq: d.seq,
        expected: d.arm,
        stored: null,
        studyId: null,
      });
      continue;
    }
    const m = compareSlot(d, s);
    if (m) mismatches.push(m);
  }
  if (derived) {
    for (const s of exp.slots) {
      if (!derivedByKey.has(key(s.stratum, s.seq))) {
        mismatches.push({
          kind: 'unexpected_slot',
          stratum: s.stratum,
          seq: s.seq,
          expected: null,
          stored: s.arm,
          studyId: s.studyId,
        });
      }
    }
  }
  const allocations: VerifiedAllocation[] = exp.slots
    .filter((s): s is AllocationExportSlot & { studyId: string } => s.studyId !== null)
    .map((s) => {
      const expectedArm = derivedByKey.get(key(s.stratum, s.seq))?.arm ?? null;
      const stratumOk = s.siteCode === null || s.siteCode === s.stratum;
      if (!stratumOk) {
        mismatches.push({
          kind: 'allocation_stratum',
          stratum: s.stratum,
          seq: s.seq,
          expected: s.siteCode,
          stored: s.stratum,
          studyId: s.studyId,
        });
      }
      return {
        studyId: s.studyId,
        siteCode: s.siteCode,
        stratum: s.stratum,
        seq: s.seq,
        arm: s.arm,
        expectedArm,
        assignedAt: s.assignedAt,
        ok: stratumOk && expectedArm === s.arm,
      };
    })
    .sort((a, b) => (a.studyId < b.studyId ? -1 : a.studyId > b.studyId ? 1 : 0));
  const commitmentMatches = computed !== null && computed === exp.list.commitment.trim().toLowerCase();
  const version = exp.list.params.algorithmVersion;
  return {
    method: exp.list.method,
    algorithmVersion: typeof version === 'string' ? version : null,
    params: exp.list.params,
    commitment: exp.list.commitment,
    computedCommitment: computed,
    commitmentMatches,
    slotsStored: exp.slots.length,
    slotsDerived: derived?.length ?? 0,
    mismatchCount: mismatches.length,
    firstMismatch: mismatches[0] ?? null,
    allocations,
    match: commitmentMatches && mismatches.length === 0,
  };
}
