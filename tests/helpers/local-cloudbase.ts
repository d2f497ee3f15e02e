import tcb from '@cloudbase/node-sdk';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, type RunningServer, type ServerOptions } from '../../emulator/server';
import { seedIfEmpty } from '../../emulator/seed';
import { localCredentials } from '../../emulator/credentials';

/** The key pair local servers check and SDK clients sign with (TENCENTCLOUD_SECRETID/KEY, else the documented defaults). */
export const LOCAL_CREDENTIALS = localCredentials();

export const ROOT = resolve(__dirname, '../..');
export const BUILT_FUNCTIONS = join(ROOT, 'build/functions');
export const FIXTURE_FUNCTIONS = join(ROOT, 'tests/fixtures/functions');
/** The H5 build the browser tests open (LINLI_H5_DIR to test another build). */
export const H5_DIR = process.env.LINLI_H5_DIR ?? join(ROOT, 'dist/h5');

export interface LocalCloudBase {
  server: RunningServer;
  url: string;
  dataDir: string;
  /** An SDK app pointed at this local CloudBase (as a function's would be). */
  app: ReturnType<typeof tcb.init>;
  db: ReturnType<ReturnType<typeof tcb.init>['database']>;
  /** Calls a function through the H5 gateway as the given OPENID. */
  call<T = any>(fn: string, action: string, data?: unknown, openid?: string): Promise<T>;
  dev<T = any>(path: string, init?: { method?: string; body?: unknown }): Promise<T>;
  stop(): Promise<void>;
}

/** Starts a local CloudBase on a free loopback port with fresh data. */
export async function startLocal(opts: Partial<ServerOptions> & { seed?: boolean } = {}): Promise<LocalCloudBase> {
  if (!existsSync(join(BUILT_FUNCTIONS, 'catalogue.json'))) {
    throw new Error('build/functions is missing: run `npm run build:functions` first (npm test does it for you)');
  }
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'linli-test-'));
  const server = await startServer({
    port: 0,
    dataDir,
    functionsDir: BUILT_FUNCTIONS,
    extraFunctionsDirs: [FIXTURE_FUNCTIONS],
    env: 'linli-test',
    timers: false,
    ...opts,
  });
  if (opts.seed) seedIfEmpty(server.ctx.engine, new Date(server.ctx.clock.now()));
  // The SDK app names the same environment as the server (wire captures use 'local-env').
  // It signs with the key pair the server checks (emulator/credentials.ts).
  const app = tcb.init({ env: opts.env ?? 'linli-test', ...server.credentials, serviceUrl: `${server.url}/admin`, timeout: 30000 } as any);
  const dev = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await fetch(server.url + path, {
      method: init.method ?? (init.body ? 'POST' : 'GET'),
      headers: { 'content-type': 'application/json' },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    return res.json();
  };
  return {
    server,
    url: server.url,
    dataDir,
    app,
    db: app.database(),
    dev,
    async call(fn, action, data, openid = 'o-resident-01') {
      const res = await fetch(`${server.url}/api/functions/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
        body: JSON.stringify({ action, data }),
      });
      return res.json();
    },
    async stop() {
      await server.close();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
