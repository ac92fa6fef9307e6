import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/randomization/canonical-json';
import { computeListCommitment, verifyListCommitment } from '../src/randomization/commitment';
import { randomizationParamsSchema } from '../src/randomization/params';
import { StratumRandomStream } from '../src/randomization/random-stream';
import { utf8Encode } from '../src/randomization/sha256';
import { testSeed, trialParams } from './randomization-helpers';

// The building blocks of a list (protocol §4.2) at their edges: canonical JSON of every JSON type,
// the commitment as typed by a person, the random stream's rejection step, UTF-8 at each length
// boundary, and each refusal of the parameters with its path and sentence.

describe('canonicalJson', () => {
  it('writes null, booleans, strings and numbers as JSON does, and leaves out undefined members', () => {
    expect(canonicalJson([null, true, false, 'a"b', 1.5, -0, []])).toBe('[null,true,false,"a\\"b",1.5,0,[]]');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(false)).toBe('false');
    expect(canonicalJson('ş')).toBe('"ş"');
    expect(canonicalJson({ b: undefined, a: { z: null, y: undefined } })).toBe('{"a":{"z":null}}');
  });

  it('sorts many keys given scrambled, where the engine sorts runs and merges them', () => {
    const keys = Array.from({ length: 60 }, (_, i) => `k${String(i).padStart(2, '0')}`);
    const scrambled = Object.fromEntries(keys.map((_, i) => [keys[(i * 37) % 60], i]));
    expect(Object.keys(scrambled).slice(0, 3)).toEqual(['k00', 'k37', 'k14']);
    expect(canonicalJson(scrambled)).toBe(`{${keys.map((k) => `"${k}":${scrambled[k]}`).join(',')}}`);
  });

  it('says why it refuses a value', () => {
    expect(() => canonicalJson({ a: Number.POSITIVE_INFINITY })).toThrow(
      new TypeError('canonicalJson: numbers must be finite'),
    );
    expect(() => canonicalJson(undefined)).toThrow(
      new TypeError('canonicalJson: unsupported value of type undefined'),
    );
    expect(() => canonicalJson([1n])).toThrow(
      new TypeError('canonicalJson: unsupported value of type bigint'),
    );
  });
});

describe('list commitment', () => {
  it('verifies a commitment typed in capitals or with spaces around it', () => {
    const seed = testSeed('commitment');
    const params = trialParams();
    const commitment = computeListCommitment(seed, params);
    expect(commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyListCommitment(seed, params, ` ${commitment.toUpperCase()}\n`)).toBe(true);
    const other = commitment.endsWith('0') ? '1' : '0';
    expect(verifyListCommitment(seed, params, `${commitment.slice(0, 63)}${other}`)).toBe(false);
  });
});

describe('StratumRandomStream.randInt', () => {
  it('draws again when a value is at or above the largest multiple of n below 2^32', () => {
    // For n above 2^31 that multiple is n itself: a first value v > 2^31 taken as n is rejected,
    // and the next value w < v is returned as it is.
    const peek = new StratumRandomStream(testSeed('rejection'), 'S03');
    const v = peek.nextUint32();
    const w = peek.nextUint32();
    expect(v).toBeGreaterThan(2 ** 31);
    expect(w).toBeLessThan(v);
    expect(new StratumRandomStream(testSeed('rejection'), 'S03').randInt(v)).toBe(w);
  });

  it('takes n up to 2^32 and refuses more, saying what it got', () => {
    const peek = new StratumRandomStream(testSeed('range'), 'S01');
    expect(new StratumRandomStream(testSeed('range'), 'S01').randInt(2 ** 32)).toBe(peek.nextUint32());
    const stream = new StratumRandomStream(testSeed('range'), 'S01');
    expect(() => stream.randInt(2 ** 32 + 1)).toThrow(
      new RangeError(`randInt needs an integer n in 1..2^32, got ${2 ** 32 + 1}`),
    );
    expect(() => stream.randInt(0)).toThrow(new RangeError('randInt needs an integer n in 1..2^32, got 0'));
  });
});

describe('utf8Encode at the length boundaries', () => {
  const bytes = (s: string) => Array.from(utf8Encode(s));
  it('uses one to four bytes exactly where UTF-8 changes length', () => {
    expect(bytes('\u007f')).toEqual([0x7f]);
    expect(bytes('\u0080')).toEqual([0xc2, 0x80]);
    expect(bytes('\u07ff')).toEqual([0xdf, 0xbf]);
    expect(bytes('\u0800')).toEqual([0xe0, 0xa0, 0x80]);
    expect(bytes('\uffff')).toEqual([0xef, 0xbf, 0xbf]);
    expect(bytes('\u{10000}')).toEqual([0xf0, 0x90, 0x80, 0x80]);
  });

  it('writes a lone surrogate as U+FFFD, as TextEncoder does, and keeps its neighbours', () => {
    const replacement = [0xef, 0xbf, 0xbd];
    expect(bytes('\ud800')).toEqual(replacement);
    expect(bytes('\udfff')).toEqual(replacement);
    expect(bytes('\ud7ff')).toEqual([0xed, 0x9f, 0xbf]);
    expect(bytes('\ue000')).toEqual([0xee, 0x80, 0x80]);
    for (const s of ['\ud800', '\udfff', 'a\udc00b']) {
      expect(bytes(s)).toEqual(Array.from(new TextEncoder().encode(s)));
    }
  });
});

describe('randomization parameters', () => {
  const issues = (over: Parameters<typeof trialParams>[0]) => {
    const r = randomizationParamsSchema.safeParse(trialParams(over));
    return r.success ? [] : r.error.issues.map((i) => ({ code: i.code, path: i.path, message: i.message }));
  };

  it('accepts the trial parameters', () => {
    expect(issues({})).toEqual([]);
  });

  it('refuses repeated arms, strata and block sizes, each at its own key', () => {
    expect(issues({ arms: ['A', 'A'] })).toEqual([
      { code: 'custom', path: ['arms'], message: 'arm codes must be unique' },
    ]);
    expect(issues({ strata: ['S01', 'S01'] })).toEqual([
      { code: 'custom', path: ['strata'], message: 'stratum keys must be unique' },
    ]);
    expect(issues({ blockSizes: [4, 4] })).toEqual([
      { code: 'custom', path: ['blockSizes'], message: 'block sizes must be unique' },
    ]);
  });

  it('needs one ratio part per arm, and no block-size check against an empty ratio', () => {
    expect(issues({ ratio: [1] })).toEqual([
      { code: 'custom', path: ['ratio'], message: 'needs one part per arm' },
    ]);
    expect(issues({ ratio: [] })).toEqual([
      { code: 'custom', path: ['ratio'], message: 'needs one part per arm' },
    ]);
  });

  it('names the block size that is not a multiple of the ratio total', () => {
    expect(issues({ blockSizes: [4, 5] })).toEqual([
      {
        code: 'custom',
        path: ['blockSizes', 1],
        message: 'block size 5 is not a multiple of the ratio total 2',
      },
    ]);
  });
});
