#!/usr/bin/env node
// `npm test` — the habits, then the five test layers in one jest run after the builds they test:
//   lint (boundaries + real-bug rules) → format check (Prettier) → typecheck (client, server, tests)
//   → unit → functions (real SDK against the local CloudBase) → components → weapp
//   (compiled dist/weapp under miniprogram-simulate) → e2e (Chromium against the started app).
// Extra arguments go to jest. `npm test -- --selectProjects unit functions` runs those layers only
// (every name after --selectProjects counts; commas work too) and builds only what they need; lint,
// format check and typecheck run with the full suite. Layer timings are printed at the end.
import { resolve, join } from 'node:path';
import { run } from './lib/run.mjs';
import { ensureSystemDeps } from './lib/system-deps.mjs';

const root = resolve(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const args = process.argv.slice(2);

/** The names after --selectProjects (or --selectProjects=a,b), up to the next option; null = all. */
function selectedProjects(argv) {
  const names = [];
  let found = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--selectProjects=')) {
      found = true;
      names.push(...a.slice('--selectProjects='.length).split(','));
    } else if (a === '--selectProjects') {
      found = true;
      for (i++; i < argv.length && !argv[i].startsWith('-'); i++) names.push(...argv[i].split(','));
      i--;
    }
  }
  return found ? names.map((n) => n.trim()).filter(Boolean) : null;
}

/** The arguments without the selection (jest gets it back below, one name per argument). */
function withoutSelection(argv) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--selectProjects=')) continue;
    if (argv[i] === '--selectProjects') {
      while (i + 1 < argv.length && !argv[i + 1].startsWith('-')) i++;
      continue;
    }
    out.push(argv[i]);
  }
  return out;
}

const only = selectedProjects(args);
const jestArgs = [...withoutSelection(args), ...(only ? ['--selectProjects', ...only] : [])];
const needs = (layer) => !only || only.includes(layer);
const node = (script, ...rest) => run(process.execPath, [script, ...rest], { cwd: root });

if (needs('e2e')) ensureSystemDeps();
const times = [];
if (!only) {
  times.push(['lint', node(bin('eslint'), '--max-warnings=0', '.')]);
  // On: the tree is formatted once with `npm run format` when this lands on main (issue #10).
  if (process.env.LINLI_SKIP_FORMAT_CHECK !== '1') times.push(['format check', node(bin('prettier'), '--check', '--log-level=warn', '.')]);
  for (const side of ['client', 'server', 'tests']) times.push([`typecheck ${side}`, node(bin('tsc'), '-p', `tsconfig.${side}.json`)]);
}
if (needs('functions') || needs('e2e')) times.push(['functions build', node(join(root, 'scripts/build-functions.mjs'))]);
if (needs('weapp') || needs('e2e'))
  times.push(['weapp build', run(process.execPath, [bin('taro'), 'build', '--type', 'weapp'], { cwd: root, env: { ...process.env, NODE_ENV: 'production' } })]);
if (needs('e2e')) times.push(['h5 build', run(process.execPath, [bin('taro'), 'build', '--type', 'h5'], { cwd: root, env: { ...process.env, NODE_ENV: 'production' } })]);
if (times.length) console.log(times.map(([n, ms]) => `${n}: ${(ms / 1000).toFixed(1)} s`).join(' · '));
run(process.execPath, [bin('jest'), '--ci', '--reporters=default', `--reporters=${join(root, 'scripts/lib/layer-times.cjs')}`, ...jestArgs], { cwd: root });
