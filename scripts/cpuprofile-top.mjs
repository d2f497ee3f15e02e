/**
 * `node scripts/cpuprofile-top.mjs <file.cpuprofile> [n]` — where a V8 CPU profile's time went:
 * self time summed by function + file:line, and by file (node_modules by package), largest first.
 * Make the profile with `npx tsx --cpu-prof --cpu-prof-dir=/tmp/prof scripts/<bench>.ts` (the
 * largest file is the main thread). Times are sampled wall time of the thread: "(idle)" is waiting.
 */
import { readFileSync } from 'node:fs';

const [file, n = '30'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/cpuprofile-top.mjs <file.cpuprofile> [n]');
  process.exit(1);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const byFunction = new Map();
const byFile = new Map();
let total = 0;
const add = (map, k, t) => map.set(k, (map.get(k) ?? 0) + t);
profile.samples.forEach((id, i) => {
  const t = profile.timeDeltas[i] ?? 0;
  total += t;
  const { functionName, url, lineNumber } = nodes.get(id).callFrame;
  const where = url
    .replace(/^.*?\/node_modules\//, 'node_modules/')
    .replace(/^file:\/\//, '')
    .replace(`${process.cwd()}/`, '');
  add(byFunction, `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`, t);
  add(byFile, where.replace(/^node_modules\/((@[^/]+\/)?[^/]+).*$/, 'node_modules/$1') || '(native)', t);
});
const line = (t, k) => `${(t / 1000).toFixed(0).padStart(8)} ms ${((100 * t) / total).toFixed(1).padStart(5)}%  ${k}`;
const top = (map, count) => [...map].sort((a, b) => b[1] - a[1]).slice(0, count);
console.log(`${(total / 1e6).toFixed(2)} s sampled`);
console.log('-- self time by function');
for (const [k, t] of top(byFunction, Number(n))) console.log(line(t, k));
console.log('-- self time by file / package');
for (const [k, t] of top(byFile, 20)) console.log(line(t, k));
