// Issue §3: an acknowledged write survives the process being killed (SIGKILL, no shutdown
// hook runs). The real server runs as a child process (`node --import tsx emulator/main.ts`,
// as `npm run serve` does with tsx) on a temporary data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { LOCAL_CREDENTIALS, ROOT } from '../helpers/local-cloudbase';

let dataDir = '';
const children = new Set<ChildProcess>();

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'linli-durable-'));
});
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface Running {
  child: ChildProcess;
  url: string;
  db: any;
  kill(): Promise<void>;
}

/** Starts emulator/main.ts on a free port and the shared data folder; resolves once it listens. */
async function start(): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LINLI_DATA_DIR: dataDir, LINLI_SEED: '0', TCB_ENV: 'linli-test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}\n${err}`)), 30_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr!.on('data', (d) => (err += d));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${out}\n${err}`));
    });
  });
  const app = tcb.init({ env: 'linli-test', ...LOCAL_CREDENTIALS, serviceUrl: `${url}/admin`, timeout: 30000 } as any);
  return {
    child,
    url,
    db: app.database(),
    async kill() {
      child.kill('SIGKILL');
      await exited;
      children.delete(child);
      expect(child.signalCode).toBe('SIGKILL');
    },
  };
}

test('an acknowledged document survives SIGKILL with the same content', async () => {
  const s1 = await start();
  await s1.db.createCollection('durable');
  const doc = { title: '电梯维修', n: 42, ok: true, at: new Date(1704067200000), nested: { list: [1, 'two', { three: 3 }] } };
  const { id } = await s1.db.collection('durable').add(doc);
  expect(id).toMatch(/^[0-9a-f]{32}$/);
  await s1.kill();

  const s2 = await start();
  const got = await s2.db.collection('durable').doc(id).get();
  expect(got.data).toEqual([{ _id: id, ...doc }]);
  expect(got.data[0].at).toBeInstanceOf(Date);
  await s2.kill();
});

test('a burst of 200 parallel adds: every acknowledged id survives a SIGKILL right after the last ack', async () => {
  const s1 = await start();
  await s1.db.createCollection('burst');
  const coll = s1.db.collection('burst');
  const ids = await Promise.all(Array.from({ length: 200 }, (_x, i) => coll.add({ i }).then((r: any) => r.id as string)));
  // Killed the moment the last acknowledgement arrived: no graceful close, no checkpoint.
  s1.child.kill('SIGKILL');
  await s1.kill();
  expect(new Set(ids).size).toBe(200);

  const s2 = await start();
  const found = await s2.db
    .collection('burst')
    .where({ _id: s2.db.command.in(ids) })
    .limit(1000)
    .get();
  expect(found.data.map((d: any) => d._id).sort()).toEqual([...ids].sort());
  expect(found.data.map((d: any) => d.i).sort((a: number, b: number) => a - b)).toEqual(Array.from({ length: 200 }, (_x, i) => i));
  await s2.kill();
});

test('killed in the middle of a burst: every write acknowledged before the kill survives', async () => {
  const s1 = await start();
  await s1.db.createCollection('midburst');
  const coll = s1.db.collection('midburst');
  const acked: string[] = [];
  let killedAt = -1;
  await Promise.allSettled(
    Array.from({ length: 200 }, (_x, i) =>
      coll.add({ i }).then((r: any) => {
        if (killedAt >= 0) return; // answered after the kill signal was sent: not counted
        acked.push(r.id);
        if (acked.length === 100) {
          killedAt = acked.length;
          s1.child.kill('SIGKILL');
        }
      }),
    ),
  );
  await s1.kill();
  expect(acked).toHaveLength(100);

  const s2 = await start();
  const found = await s2.db
    .collection('midburst')
    .where({ _id: s2.db.command.in(acked) })
    .limit(1000)
    .get();
  expect(found.data.map((d: any) => d._id).sort()).toEqual([...acked].sort());
  await s2.kill();
});
