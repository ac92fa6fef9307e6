// `node bench/profile-top.mjs file.cpuprofile [n] [from-to]`: the n (default 5) functions with the
// most self time in a V8 CPU profile (node --cpu-prof; the bench writes the API's with
// BENCH_CPU_PROF=dir), summed over every node of the same function, idle and GC shown as such.
// from-to (seconds after the profile started, e.g. 9.5-20.1, as the bench logs them) keeps only
// the samples of that window, so start-up work does not count.
import { readFileSync } from 'node:fs';

const [file, n = '5', window] = process.argv.slice(2);
const [from, to] = window ? window.split('-').map((v) => Number(v) * 1e6) : [0, Number.POSITIVE_INFINITY];
if (!file) {
  console.error('usage: node bench/profile-top.mjs <file.cpuprofile> [n]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const selfMicros = new Map();
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
// Each sample's time delta belongs to the node sampled (the time spent since the previous sample).
let at = 0;
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i] ?? 0;
  if (at < from || at > to) return;
  const node = byId.get(id);
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url ? `${url.replace(/^.*\/(node_modules|apps|packages)\//, '$1/')}:${lineNumber + 1}` : '';
  const key = `${functionName || '(anonymous)'} ${where}`.trim();
  selfMicros.set(key, (selfMicros.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);
const busy = [...selfMicros].filter(([key]) => !key.startsWith('(idle)'));
const busyTotal = busy.reduce((a, [, v]) => a + v, 0);
console.log(
  `profile ${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busyTotal / 1e6).toFixed(1)} s not idle`,
);
console.log('| function | self ms | % of non-idle |');
console.log('| --- | --- | --- |');
for (const [key, micros] of busy.sort((a, b) => b[1] - a[1]).slice(0, Number(n))) {
  console.log(`| \`${key}\` | ${(micros / 1000).toFixed(0)} | ${((100 * micros) / busyTotal).toFixed(1)} |`);
}
