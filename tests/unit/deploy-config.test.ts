import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCloudbaseCron } from '../../emulator/timers';

const root = resolve(__dirname, '../..');
const rc = JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8'));
const names = readdirSync(join(root, 'cloudfunctions'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('_') && existsSync(join(root, 'cloudfunctions', d.name, 'index.ts')))
  .map((d) => d.name)
  .sort();

test('cloudbaserc.json deploys exactly the functions in cloudfunctions/, from the bundle folder', () => {
  expect(rc.functionRoot).toBe('./build/functions');
  expect(rc.functions.map((f: any) => f.name).sort()).toEqual(names);
});

test.each(names)('%s: cloudbaserc.json matches its config.json (timeout, memory, timer triggers)', (name) => {
  const cfg = JSON.parse(readFileSync(join(root, 'cloudfunctions', name, 'config.json'), 'utf8'));
  const fn = rc.functions.find((f: any) => f.name === name);
  expect(fn.handler).toBe('index.main');
  expect(fn.installDependency).toBe(false); // the bundle carries its dependencies
  expect(fn.timeout).toBe(cfg.timeout);
  expect(fn.memorySize).toBe(cfg.memorySize);
  expect(fn.triggers).toEqual(cfg.triggers);
  for (const t of cfg.triggers) expect(() => parseCloudbaseCron(t.config)).not.toThrow();
});

test('project.config.json points WeChat DevTools at the weapp build and the bundled functions', () => {
  const pc = JSON.parse(readFileSync(join(root, 'project.config.json'), 'utf8'));
  expect(pc.miniprogramRoot).toBe('dist/weapp/');
  expect(pc.cloudfunctionRoot).toBe('build/functions/');
});

test('the SDK is pinned exactly (we depend on its wire format)', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  expect(pkg.dependencies['@cloudbase/node-sdk']).toMatch(/^\d+\.\d+\.\d+$/);
});
