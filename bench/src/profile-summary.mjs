// The functions with the most self time in a V8 CPU profile (node --cpu-prof), summed over every
// node of the same function, idle and GC shown as such (docs/benchmarks.md, "CPU profile of the
// API under the save load"). Plain JavaScript so that `node bench/profile-top.mjs` runs it without
// a build; the bench (bench/src/main.ts) bundles it and prints the summary after its table.

/** "name file:line", with the path shortened to its node_modules/apps/packages part. */
function functionKey(callFrame) {
  const { functionName, url, lineNumber } = callFrame;
  const where = url ? `${url.replace(/^.*\/(node_modules|apps|packages)\//, '$1/')}:${lineNumber + 1}` : '';
  return `${functionName || '(anonymous)'} ${where}`.trim();
}

export function topSelfTime(profile, window = {}, count = 5) {
  const from = window.from ?? Number.NEGATIVE_INFINITY;
  const to = window.to ?? Number.POSITIVE_INFINITY;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map();
  // Each sample's time delta belongs to the node sampled (the time spent since the previous
  // sample); a sample's time is the profile's start plus the deltas up to it.
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at < from || at > to) return;
    const node = byId.get(id);
    if (!node) return;
    const key = functionKey(node.callFrame);
    selfMicros.set(key, (selfMicros.get(key) ?? 0) + delta);
  });
  const sampledMicros = [...selfMicros.values()].reduce((a, b) => a + b, 0);
  const busy = [...selfMicros].filter(([key]) => !key.startsWith('(idle)'));
  const busyMicros = busy.reduce((a, [, v]) => a + v, 0);
  const top = busy
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, micros]) => ({ name, micros, share: busyMicros > 0 ? micros / busyMicros : 0 }));
  return { sampledMicros, busyMicros, top };
}

export function formatTopSelfTime(summary) {
  return [
    `${(summary.sampledMicros / 1e6).toFixed(1)} s sampled, ${(summary.busyMicros / 1e6).toFixed(1)} s not idle`,
    '| function | self ms | % of non-idle |',
    '| --- | --- | --- |',
    ...summary.top.map(
      (f) => `| \`${f.name}\` | ${(f.micros / 1000).toFixed(0)} | ${(100 * f.share).toFixed(1)} |`,
    ),
  ];
}
