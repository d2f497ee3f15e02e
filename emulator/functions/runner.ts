import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { MAX_JSON_DEPTH, valueTooDeep } from '../security';
import { Profiler, type InvocationProfile } from './profiler';

export interface FunctionConfig {
  name: string;
  dir: string;
  timeout: number;
  memorySize?: number;
  triggers: { name: string; type: 'timer'; config: string }[];
  permissions?: { openapi?: string[] };
}

export interface Identity {
  openid?: string;
  appid?: string;
  unionid?: string;
  source?: string;
}

export type InvokeOutcome = ({ ok: true; result: unknown } | { ok: false; code: string; message: string }) & { requestId: string; profile?: InvocationProfile };

/** Variables a CloudBase invocation carries; cleared before each invocation in a warm instance. */
const IDENTITY_KEYS = ['WX_OPENID', 'WX_APPID', 'WX_UNIONID', 'WX_CLIENTIP', 'TCB_SOURCE', 'LINLI_NOW', 'LINLI_CLOCK_FROZEN', 'TCB_SEQID', 'SCF_REQUEST_ID', 'TCB_CONTEXT_CNFG'];

export interface RunnerOptions {
  /** Warm instances per function at most (default LINLI_MAX_INSTANCES, else twice the machine's cores, at least 2). */
  maxInstances?: number;
  /** An instance idle this long stops, as CloudBase reclaims idle instances (default LINLI_IDLE_MS, else 1 minute). */
  idleMs?: number;
}

const positive = (v: unknown) => {
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : undefined;
};
export const DEFAULT_IDLE_MS = 60_000;
export function defaultMaxInstances() {
  return Math.max(2, 2 * availableParallelism());
}
/** How long an instance may take to start and load its bundle before the invocation fails. */
const INIT_TIMEOUT_MS = 30_000;

interface Instance {
  worker: Worker;
  busy: boolean;
  idleTimer?: NodeJS.Timeout;
}

/**
 * Runs the built function bundles the way CloudBase does: one instance handles one
 * invocation at a time, instances stay warm and are reused, each invocation gets its
 * own identity variables, and an invocation past its timeout is stopped.
 */
export class FunctionRunner {
  private pools = new Map<string, Instance[]>();
  private waiting = new Map<string, (() => void)[]>();
  private configs = new Map<string, FunctionConfig>();
  /** Hosts other than loopback that a function tried to reach (refused). */
  readonly egress: string[] = [];
  /** Database calls per invocation (local mode's query profiler). */
  readonly profiler = new Profiler();
  readonly maxInstances: number;
  readonly idleMs: number;

  constructor(
    private readonly dirs: string[],
    private readonly baseEnv: () => Record<string, string>,
    private readonly now: () => number,
    private readonly frozen: () => boolean = () => false,
    opts: RunnerOptions = {},
  ) {
    this.maxInstances = positive(opts.maxInstances) ?? positive(process.env.LINLI_MAX_INSTANCES) ?? defaultMaxInstances();
    this.idleMs = positive(opts.idleMs) ?? positive(process.env.LINLI_IDLE_MS) ?? DEFAULT_IDLE_MS;
    this.reload();
  }

  /** Reads `<dir>/<name>/config.json` for every built function in each folder. */
  reload() {
    this.configs.clear();
    for (const base of this.dirs) {
      if (!existsSync(base)) continue;
      for (const name of readdirSync(base)) {
        const dir = join(base, name);
        const cfgFile = join(dir, 'config.json');
        if (!existsSync(join(dir, 'index.js')) || !existsSync(cfgFile)) continue;
        const cfg = JSON.parse(readFileSync(cfgFile, 'utf8'));
        this.configs.set(name, { name, dir, timeout: cfg.timeout ?? 3, memorySize: cfg.memorySize, triggers: cfg.triggers ?? [], permissions: cfg.permissions });
      }
    }
  }

  list(): FunctionConfig[] {
    return [...this.configs.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  has(name: string) {
    return this.configs.has(name);
  }

  async invoke(name: string, event: unknown, identity: Identity): Promise<InvokeOutcome> {
    const requestId = randomUUID();
    const cfg = this.configs.get(name);
    if (!cfg) return { ok: false, code: 'FUNCTIONS_NOT_EXIST', message: `function not found: ${name}`, requestId };
    // Structured cloning recurses: an event this deep would make postMessage throw. Refused
    // before an instance is taken.
    if (valueTooDeep(event)) return { ok: false, code: 'INVALID_PARAM', message: `event is nested deeper than ${MAX_JSON_DEPTH} levels`, requestId };
    const inst = await this.acquire(name);
    const base = this.baseEnv();
    const env: Record<string, string> = {
      WX_OPENID: identity.openid ?? '',
      WX_APPID: identity.appid ?? '',
      WX_UNIONID: identity.unionid ?? '',
      TCB_SOURCE: identity.source ?? '',
      LINLI_NOW: String(this.now()),
      LINLI_CLOCK_FROZEN: this.frozen() ? '1' : '',
      SCF_REQUEST_ID: requestId,
      TCB_CONTEXT_CNFG: invocationConfig(base.TCB_CONTEXT_CNFG, requestId),
    };
    // CloudBase hands identity both as variables and in the context's `environment`.
    const context = {
      request_id: requestId,
      function_name: name,
      function_version: '$LATEST',
      namespace: base.SCF_NAMESPACE,
      memory_limit_in_mb: cfg.memorySize ?? 256,
      time_limit_in_ms: cfg.timeout * 1000,
      environment: JSON.stringify({ ...env, WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID', TCB_CONTEXT_KEYS: 'TCB_SOURCE,LINLI_NOW,LINLI_CLOCK_FROZEN' }),
    };
    const started = Date.now();
    const eventAction = (event as any)?.Type === 'Timer' ? `timer:${(event as any).TriggerName}` : String((event as any)?.action ?? '');
    this.profiler.begin(requestId);
    let spans: { start: number; end: number }[] = [];
    return new Promise<InvokeOutcome>((resolveOutcome) => {
      let settled = false;
      const finish = (outcome: InvokeOutcome, reusable: boolean) => {
        if (settled) return;
        settled = true;
        outcome.profile = this.profiler.end(
          requestId,
          { fn: name, action: eventAction.slice(0, 64), openid: identity.openid ?? '', at: new Date(started).toISOString(), ms: Date.now() - started, ok: outcome.ok },
          spans,
        );
        clearTimeout(timer);
        inst.worker.off('message', onMessage);
        inst.worker.off('error', onError);
        inst.worker.off('exit', onExit);
        inst.worker.off('messageerror', onMessageError);
        if (reusable) this.releaseInstance(name, inst);
        else this.dropInstance(name, inst);
        resolveOutcome(outcome);
      };
      const onMessage = (msg: any) => {
        if (msg?.started === true) {
          // The instance has loaded the bundle and runs the function now: its time limit starts.
          clearTimeout(timer);
          timer = setTimeout(timeUp, cfg.timeout * 1000);
          return;
        }
        if (Array.isArray(msg.egress)) this.egress.push(...msg.egress);
        if (Array.isArray(msg.spans)) spans = msg.spans;
        if (msg.ok) finish({ ok: true, result: msg.result, requestId }, true);
        else finish({ ok: false, code: 'FUNCTIONS_EXECUTE_FAIL', message: msg.message, requestId }, true);
      };
      const onError = (err: Error) => finish({ ok: false, code: 'FUNCTIONS_EXECUTE_FAIL', message: err.message, requestId }, false);
      // The reply arrived but could not be deserialised: the instance answered and is free.
      const onMessageError = (err: Error) =>
        finish({ ok: false, code: 'FUNCTIONS_EXECUTE_FAIL', message: `the function's reply could not be read: ${err.message}`, requestId }, true);
      const onExit = () => finish({ ok: false, code: 'FUNCTIONS_EXECUTE_FAIL', message: 'function instance exited', requestId }, false);
      const timeUp = () => {
        void inst.worker.terminate();
        finish({ ok: false, code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED', message: `Task timed out after ${cfg.timeout} seconds`, requestId }, false);
      };
      // Until the instance has started the function (thread start and cold load of the bundle, which
      // SCF does not count against the function's timeout), a separate initialisation limit applies.
      let timer = setTimeout(timeUp, Math.max(INIT_TIMEOUT_MS, cfg.timeout * 1000));
      inst.worker.on('message', onMessage);
      inst.worker.on('error', onError);
      inst.worker.on('exit', onExit);
      inst.worker.on('messageerror', onMessageError);
      try {
        inst.worker.postMessage({ id: requestId, event, context, env });
      } catch (e) {
        // Nothing reached the instance (the event could not be cloned): it is free again at once.
        finish({ ok: false, code: 'INVALID_PARAM', message: `event cannot be passed to the function: ${(e as Error).message}`, requestId }, true);
      }
    });
  }

  /** Instances of a function, how many are running an invocation, and calls waiting for one. */
  stats(name: string): { instances: number; busy: number; waiting: number } {
    const pool = this.pools.get(name) ?? [];
    return { instances: pool.length, busy: pool.filter((i) => i.busy).length, waiting: this.waiting.get(name)?.length ?? 0 };
  }

  private async acquire(name: string): Promise<Instance> {
    for (;;) {
      const pool = this.pools.get(name) ?? [];
      this.pools.set(name, pool);
      const idle = pool.find((i) => !i.busy);
      if (idle) {
        idle.busy = true;
        clearTimeout(idle.idleTimer);
        return idle;
      }
      if (pool.length < this.maxInstances) {
        const inst: Instance = { worker: this.spawn(name), busy: true };
        pool.push(inst);
        // An instance can also fail between invocations (e.g. a promise the function left
        // behind rejects after it returned). Unhandled, the Worker's 'error' would crash the
        // emulator, and the dead instance would stay in the pool and time out the next call.
        inst.worker.on('error', (err: Error) => {
          if (inst.busy) return; // the invocation in flight reports it
          console.error(`[local-cloudbase] function ${name} failed between invocations: ${err.message}`);
          this.dropInstance(name, inst);
        });
        inst.worker.once('exit', () => this.dropInstance(name, inst));
        return inst;
      }
      await new Promise<void>((r) => {
        const q = this.waiting.get(name) ?? [];
        q.push(r);
        this.waiting.set(name, q);
      });
    }
  }

  private spawn(name: string): Worker {
    const worker = new Worker(resolve(__dirname, 'worker.cjs'), {
      workerData: { bundle: resolve(this.configs.get(name)!.dir, 'index.js'), baseEnv: this.baseEnv(), identityKeys: IDENTITY_KEYS },
      env: { ...process.env },
      // The bundles and worker.cjs are plain CommonJS: no TypeScript loader (tsx) in the instance,
      // whose hooks would route every require of a cold start through the main thread.
      execArgv: process.execArgv.filter((a) => a.startsWith('--cpu-prof')),
      stdout: false,
      stderr: false,
    });
    worker.unref();
    return worker;
  }

  private releaseInstance(name: string, inst: Instance) {
    inst.busy = false;
    // Reclaimed when no invocation needs it for a while (a waiting call takes it at once).
    clearTimeout(inst.idleTimer);
    inst.idleTimer = setTimeout(() => {
      if (!inst.busy) this.dropInstance(name, inst);
    }, this.idleMs);
    inst.idleTimer.unref();
    this.waiting.get(name)?.shift()?.();
  }

  private dropInstance(name: string, inst: Instance) {
    clearTimeout(inst.idleTimer);
    const pool = this.pools.get(name) ?? [];
    const i = pool.indexOf(inst);
    if (i < 0) return;
    pool.splice(i, 1);
    void inst.worker.terminate();
    this.waiting.get(name)?.shift()?.();
  }

  /** Stops warm instances (after a rebuild, or on shutdown). */
  async stopAll() {
    const all = [...this.pools.values()].flat();
    for (const i of all) clearTimeout(i.idleTimer);
    this.pools.clear();
    await Promise.all(all.map((i) => i.worker.terminate()));
  }
}

/**
 * The invocation's own SDK endpoint: the instance-wide `/admin` URL with the invocation's id,
 * so the server attributes each call (the SDK reads TCB_CONTEXT_CNFG on every request and
 * appends its query after a URL that already has one).
 */
function invocationConfig(cnfg: string | undefined, requestId: string): string {
  let parsed: { URL?: string } = {};
  try {
    parsed = cnfg ? JSON.parse(cnfg) : {};
  } catch {
    return cnfg ?? '';
  }
  if (!parsed.URL) return cnfg ?? '';
  const sep = parsed.URL.includes('?') ? (/[?&]$/.test(parsed.URL) ? '' : '&') : '?';
  return JSON.stringify({ ...parsed, URL: `${parsed.URL}${sep}linli_inv=${encodeURIComponent(requestId)}&` });
}
