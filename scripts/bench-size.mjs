#!/usr/bin/env node
// Prints the size of the weapp main package (its ten largest files) and of each subpackage (from
// dist/weapp/app.json), and the main package's budget (450 KB, issue #18; tests/weapp/bundle.test.js
// holds it). Fails (exit 1) only when a package exceeds WeChat's 2 MB limit or the main package
// holds a subpackage page.
// Build first: npx taro build --type weapp
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'weapp');
const LIMIT = 2 * 1024 * 1024;
const WARN = 1.5 * 1024 * 1024; // DevTools warns above this
const BUDGET = 450 * 1024; // main package: tab pages and what 首页 needs on first paint
// Files DevTools does not upload (project config, licence notes).
const NOT_UPLOADED = new Set(['project.config.json', 'project.private.config.json']);

if (!existsSync(path.join(DIST, 'app.json'))) {
  console.error('dist/weapp/app.json is missing: build first with `npx taro build --type weapp`');
  process.exit(2);
}

const app = JSON.parse(readFileSync(path.join(DIST, 'app.json'), 'utf8'));
const subpackages = (app.subPackages || app.subpackages || []).map((s) => ({ root: s.root.replace(/\/$/, ''), pages: s.pages }));

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : [full];
  });
}

const packages = new Map([['(main)', []], ...subpackages.map((s) => [s.root, []])]);
for (const file of walk(DIST)) {
  const rel = path.relative(DIST, file).split(path.sep).join('/');
  if (NOT_UPLOADED.has(rel) || rel.endsWith('.LICENSE.txt') || rel.endsWith('.map')) continue;
  const owner = subpackages.find((s) => rel.startsWith(s.root + '/'));
  packages.get(owner ? owner.root : '(main)').push({ rel, size: statSync(file).size });
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const width = Math.max(10, ...[...packages.keys()].map((k) => k.length + 1));
let total = 0;
const problems = [];
for (const [name, files] of packages) {
  const size = files.reduce((s, f) => s + f.size, 0);
  total += size;
  console.log(`${name.padEnd(width)} ${String(size).padStart(9)} bytes  ${kb(size).padStart(10)}  (${files.length} files)`);
  for (const f of files.sort((a, b) => b.size - a.size).slice(0, name === '(main)' ? 10 : 3)) {
    console.log(`    ${kb(f.size).padStart(10)}  ${f.rel}`);
  }
  if (name === '(main)') {
    console.log(`    budget ${kb(BUDGET)}: ${size <= BUDGET ? `within (${kb(BUDGET - size)} left)` : `OVER by ${kb(size - BUDGET)}`}`);
    if (size > LIMIT) problems.push(`main package is ${kb(size)}, over the 2 MB limit`);
    else if (size > WARN) console.log(`    note: above 1.5 MB, WeChat DevTools will warn`);
  } else if (size > LIMIT) {
    problems.push(`subpackage ${name} is ${kb(size)}, over the 2 MB limit`);
  }
}
console.log(`${'total'.padEnd(width)} ${String(total).padStart(9)} bytes  ${kb(total).padStart(10)}`);

// A staff page in the main package: listed in app.json `pages`, or page files outside `staff/`.
const staffInMain = (app.pages || []).filter((p) => p.startsWith('staff/') || subpackages.some((s) => p.startsWith(s.root + '/')));
for (const p of staffInMain) problems.push(`main package lists the subpackage page ${p}`);
const mainFiles = packages.get('(main)').map((f) => f.rel);
for (const s of subpackages) {
  for (const page of s.pages) {
    // Page files written outside the subpackage root (e.g. `workbench/index.js` at the top).
    const leaked = mainFiles.filter((f) => f.startsWith(page + '.') || f.startsWith(`${s.root}/${page}.`));
    for (const f of leaked) problems.push(`main package contains ${f} of subpackage page ${s.root}/${page}`);
  }
}

if (problems.length) {
  for (const p of problems) console.error(`FAIL: ${p}`);
  process.exit(1);
}
