// `node bench/profile-top.mjs file.cpuprofile [n] [from-to]`: the n (default 5) functions with the
// most self time in a V8 CPU profile (node --cpu-prof; the bench writes the API's with
// BENCH_CPU_PROF=dir and prints this summary for its save window itself), summed over every node
// of the same function, idle and GC shown as such. from-to (seconds after the profile started,
// e.g. 9.5-20.1, as the bench logs them) keeps only the samples of that window, so start-up work
// does not count.
import { readFileSync } from 'node:fs';
import { formatTopSelfTime, topSelfTime } from './src/profile-summary.mjs';

const [file, n = '5', window] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/profile-top.mjs <file.cpuprofile> [n] [from-to]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const [from, to] = window
  ? window.split('-').map((v) => profile.startTime + Number(v) * 1e6)
  : [undefined, undefined];
const [total, ...table] = formatTopSelfTime(topSelfTime(profile, { from, to }, Number(n)));
console.log(`profile ${file}: ${total}`);
for (const line of table) console.log(line);
