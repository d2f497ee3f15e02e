#!/usr/bin/env node
// `npm test` — a typecheck, then the five test layers in one jest run after the builds they test:
//   unit → functions (real SDK against the local CloudBase) → components → weapp
//   (compiled dist/weapp under miniprogram-simulate) → e2e (Chromium against the started app).
// Extra arguments go to jest (e.g. `npm test -- --selectProjects unit`).
import { resolve, join } from 'node:path';
import { run } from './lib/run.mjs';
import { ensureSystemDeps } from './lib/system-deps.mjs';

const root = resolve(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const args = process.argv.slice(2);
const only = args.includes('--selectProjects') ? args[args.indexOf('--selectProjects') + 1] : null;
const needs = (layer) => !only || only.split(',').includes(layer);

if (needs('e2e')) ensureSystemDeps();
const times = [];
if (!only) times.push(['typecheck', run(process.execPath, [bin('tsc'), '-p', 'tsconfig.json'], { cwd: root })]);
times.push(['functions build', run(process.execPath, [join(root, 'scripts/build-functions.mjs')], { cwd: root })]);
if (needs('weapp') || needs('e2e')) times.push(['weapp build', run(process.execPath, [bin('taro'), 'build', '--type', 'weapp'], { cwd: root, env: { ...process.env, NODE_ENV: 'production' } })]);
if (needs('e2e')) times.push(['h5 build', run(process.execPath, [bin('taro'), 'build', '--type', 'h5'], { cwd: root, env: { ...process.env, NODE_ENV: 'production' } })]);
console.log(times.map(([n, ms]) => `${n}: ${(ms / 1000).toFixed(1)} s`).join(' · '));
run(process.execPath, [bin('jest'), '--ci', ...args], { cwd: root });
