#!/usr/bin/env node
// Bundles every cloud function into build/functions/<name>/ (one minified index.js, its
// package.json and config.json), ready for `tcb fn deploy` and WeChat DevTools, and writes
// build/functions/catalogue.json (functions, actions, audiences, JSON Schemas, triggers).
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'cloudfunctions');
const out = join(root, 'build', 'functions');
const require = createRequire(import.meta.url);
const sdkVersion = require('@cloudbase/node-sdk/package.json').version;

const names = readdirSync(src, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('_') && existsSync(join(src, d.name, 'index.ts')))
  .map((d) => d.name)
  .sort();

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const started = Date.now();
await Promise.all(
  names.map(async (name) => {
    const dir = join(out, name);
    mkdirSync(dir, { recursive: true });
    await build({
      entryPoints: [join(src, name, 'index.ts')],
      outfile: join(dir, 'index.js'),
      bundle: true,
      minify: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      legalComments: 'none',
      logLevel: 'warning',
    });
    const config = JSON.parse(readFileSync(join(src, name, 'config.json'), 'utf8'));
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config, null, 2) + '\n');
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', description: `Linli cloud function ${name} (bundled; built with @cloudbase/node-sdk ${sdkVersion})` }, null, 2) + '\n',
    );
  }),
);

// The catalogue: load the registry through esbuild and describe each action.
const tmp = join(root, 'build', '.registry.cjs');
await build({
  stdin: {
    contents: `export { FUNCTIONS } from './cloudfunctions/registry'; export { describe } from './cloudfunctions/_lib/handler';`,
    resolveDir: root,
    loader: 'ts',
  },
  outfile: tmp,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  logLevel: 'warning',
});
const { FUNCTIONS, describe } = require(tmp);
rmSync(tmp);
const catalogue = names.map((name) => {
  const config = JSON.parse(readFileSync(join(src, name, 'config.json'), 'utf8'));
  if (!FUNCTIONS[name]) throw new Error(`cloudfunctions/registry.ts does not list ${name}`);
  return { name, timeout: config.timeout, memorySize: config.memorySize, triggers: config.triggers ?? [], actions: describe(FUNCTIONS[name], name) };
});
writeFileSync(join(out, 'catalogue.json'), JSON.stringify(catalogue, null, 2) + '\n');

const sizes = names.map((n) => `${n} ${(readFileSync(join(out, n, 'index.js')).length / 1024).toFixed(0)} KB`);
console.log(`built ${names.length} functions in ${Date.now() - started} ms → build/functions (${sizes.join(', ')})`);
