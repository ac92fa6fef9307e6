"""Independent re-implementation of the randomization list of protocol §4.2, for statisticians.

Usage: python3 permuted_block_list.py <seed-hex-64> <params.json>
Prints the list as CSV (same text as randomizationListToCsv) and the commitment on stderr.
Only the Python standard library is used; test/randomization-golden.test.ts pins its output.
"""
import hashlib
import json
import struct
import sys


class Stream:
    def __init__(self, seed: bytes, stratum: str):
        self.prefix = seed + b"|" + stratum.encode("utf-8") + b"|"
        self.counter = 0
        self.buf = b""

    def next_uint32(self) -> int:
        if not self.buf:
            self.buf = hashlib.sha256(self.prefix + struct.pack(">I", self.counter)).digest()
            self.counter += 1
        value, self.buf = struct.unpack(">I", self.buf[:4])[0], self.buf[4:]
        return value

    def rand_int(self, n: int) -> int:
        limit = (2**32 // n) * n
        while True:
            v = self.next_uint32()
            if v < limit:
                return v % n


def generate(seed: bytes, p: dict) -> list:
    rows = []
    total = sum(p["ratio"])
    for stratum in p["strata"]:
        s = Stream(seed, stratum)
        seq, block_no = 0, 0
        while seq < p["slotsPerStratum"]:
            block_no += 1
            size = p["blockSizes"][s.rand_int(len(p["blockSizes"]))]
            block = []
            for arm, r in zip(p["arms"], p["ratio"]):
                block += [arm] * (size * r // total)
            for j in range(size - 1, 0, -1):
                i = s.rand_int(j + 1)
                block[j], block[i] = block[i], block[j]
            for pos, arm in enumerate(block, start=1):
                seq += 1
                rows.append((stratum, seq, block_no, size, pos, arm))
    return rows


def commitment(seed: bytes, p: dict) -> str:
    canonical = json.dumps(p, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(seed + canonical.encode("utf-8")).hexdigest()


if __name__ == "__main__":
    seed = bytes.fromhex(sys.argv[1])
    with open(sys.argv[2]) as f:
        params = json.load(f)
    print("stratum,seq,block_no,block_size,pos_in_block,arm")
    for row in generate(seed, params):
        print(",".join(str(x) for x in row))
    print(commitment(seed, params), file=sys.stderr)
