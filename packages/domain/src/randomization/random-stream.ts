import { concatBytes, sha256, utf8Encode } from './sha256';

const TWO_POW_32 = 0x1_0000_0000;

/**
 * The per-stratum random stream of protocol §4.2:
 * `bytes_i = SHA-256(seed ‖ "|" ‖ stratumKey ‖ "|" ‖ uint32be(i))` for i = 0, 1, 2, …, consumed
 * 4 bytes at a time as big-endian uint32 (8 values per digest, in digest order). Each stratum has
 * its own stream, so adding a stratum never changes the lists of the others.
 */
export class StratumRandomStream {
  private readonly prefix: Uint8Array;
  private counter = 0;
  private block: DataView | null = null;
  private offset = 0;

  constructor(seed: Uint8Array, stratumKey: string) {
    this.prefix = concatBytes(seed, utf8Encode(`|${stratumKey}|`));
  }

  /** The next uint32 of the stream. */
  nextUint32(): number {
    if (this.block === null || this.offset === 32) {
      const index = new Uint8Array(4);
      new DataView(index.buffer).setUint32(0, this.counter);
      const digest = sha256(concatBytes(this.prefix, index));
      this.block = new DataView(digest.buffer);
      this.counter += 1;
      this.offset = 0;
    }
    const value = this.block.getUint32(this.offset);
    this.offset += 4;
    return value;
  }

  /**
   * Uniform integer in [0, n). Unbiased by rejection (protocol §4.2): values ≥ floor(2³²/n)·n are
   * drawn again, and the accepted value is taken modulo n.
   */
  randInt(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
      throw new RangeError(`randInt needs an integer n in 1..2^32, got ${n}`);
    }
    const limit = Math.floor(TWO_POW_32 / n) * n;
    for (;;) {
      const value = this.nextUint32();
      if (value < limit) return value % n;
    }
  }
}
