#!/usr/bin/env node
// `npm start` — builds what is stale (functions always: ~2 s; the H5 app when src/ changed),
// then runs the local CloudBase with the H5 app at / and demo data on first run.
import { existsSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { spawn } from 'node:child_process';
import { run } from './lib/run.mjs';
import { isStale } from './lib/freshness.mjs';

const root = resolve(import.meta.dirname, '..');
if (!existsSync(join(root, 'node_modules'))) {
  console.error('Dependencies are missing: run `npm install` first.');
  process.exit(1);
}
const npx = (bin, args) => run(process.execPath, [join(root, 'node_modules', '.bin', bin), ...args], { cwd: root });
run(process.execPath, [join(root, 'scripts/build-functions.mjs')], { cwd: root });
if (isStale(join(root, 'dist/h5/index.html'), [join(root, 'src'), join(root, 'config')])) {
  console.log('building the H5 app (first start or src/ changed)…');
  npx('taro', ['build', '--type', 'h5']);
}
const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'emulator/main.ts')], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
