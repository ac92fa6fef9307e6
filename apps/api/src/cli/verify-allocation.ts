import { readFileSync } from 'node:fs';
import {
  type AllocationExport,
  AllocationSecretError,
  allocationVerdict,
  describeMismatch,
  verifyAllocation,
} from '@mini-edc/domain';
import { parseListCsv } from '../services/list-csv';

const usage = `Usage: npm run verify-allocation -- --export allocation-export.json (--seed HEX | --list-file list.csv) [--json]

Re-derives the randomization list from the seed (a generated list) or checks the statistician's
list file (an imported list), checks the commitment stored when the list was made, and compares
every slot and allocation in the export with the re-derived list. Exit code 0: match; 1: mismatch;
2: the command was used wrongly. See docs/closeout.md.`;

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** The statistician's verifier: the same verifyAllocation() the product runs after lock. */
export async function main(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const exportPath = arg(argv, '--export');
  const seedHex = arg(argv, '--seed');
  const listFile = arg(argv, '--list-file');
  if (!exportPath || (seedHex === undefined) === (listFile === undefined)) {
    out(usage);
    return 2;
  }
  let exp: AllocationExport;
  try {
    exp = JSON.parse(readFileSync(exportPath, 'utf8')) as AllocationExport;
  } catch (error) {
    out(`Cannot read the allocation export: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  try {
    const text = listFile === undefined ? '' : readFileSync(listFile, 'utf8');
    const result = verifyAllocation(
      exp,
      seedHex !== undefined
        ? { kind: 'seed', seedHex }
        : { kind: 'list_file', text, records: parseListCsv(text) },
    );
    if (argv.includes('--json')) {
      out(JSON.stringify(result, null, 2));
    } else {
      out(allocationVerdict(result));
      out(`list: ${exp.list.name} (${exp.list.id}), method ${result.method}`);
      out(`algorithm: ${result.algorithmVersion ?? '—'}`);
      out(`commitment stored:     ${result.commitment}`);
      out(`commitment recomputed: ${result.computedCommitment ?? '—'}`);
      out(`slots stored / re-derived: ${result.slotsStored} / ${result.slotsDerived}`);
      if (!result.match) out(describeMismatch(result.firstMismatch));
      out('participant,stratum,seq,arm,randomized_at,equals_list');
      for (const a of result.allocations) {
        out([a.studyId, a.stratum, a.seq, a.arm, a.assignedAt ?? '', a.ok ? 'yes' : 'NO'].join(','));
      }
    }
    return result.match ? 0 : 1;
  } catch (error) {
    if (error instanceof AllocationSecretError || error instanceof Error) {
      out(`Cannot verify: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
