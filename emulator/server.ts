import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { handleAdmin, type AdminContext } from './admin';
import { Clock } from './clock';
import { Engine } from './db/engine';
import { FunctionRunner, type RunnerOptions } from './functions/runner';
import type { InvocationProfile } from './functions/profiler';
import { Outbox } from './outbox';
import { downloadHeaders, Storage, StorageError } from './storage';
import { localCredentials, type Credentials } from './credentials';
import { allowedHosts, foreignRequest, isJsonType, jsonTooDeep, mediaType, MAX_JSON_DEPTH, signatureProblem } from './security';
import { TimerScheduler } from './timers';
import { listPersonas } from './personas';
import { ensureSchema } from './schema-init';

/** CloudBase refuses request bodies over 6 MB. */
export const MAX_BODY = 6 * 1024 * 1024;
/** A photo or short video uploaded from the H5 build (the client compresses first). */
export const MAX_UPLOAD = 10 * 1024 * 1024;

export interface ServerOptions {
  port?: number;
  host?: string;
  dataDir: string;
  functionsDir: string;
  /** More folders of built functions (tests add fixtures this way). */
  extraFunctionsDirs?: string[];
  /** Sees every /admin request body and its headers (tests compare them with the wire captures). */
  onAdminRequest?: (body: unknown, headers: IncomingHttpHeaders) => void;
  /** Create the declared collections and indexes at start (default true). */
  schema?: boolean;
  h5Dir?: string;
  env?: string;
  /** Local mode enables the H5 gateway and the dev routes. */
  local?: boolean;
  timers?: boolean;
  /** The pair `/admin` signatures are checked against (default: TENCENTCLOUD_SECRETID/KEY, else the local defaults). */
  credentials?: Credentials;
  /** More Host names this server answers to (besides its own address and loopback names). */
  allowedHosts?: string[];
  /** Instance cap per function and idle reclaim time (default: LINLI_MAX_INSTANCES / LINLI_IDLE_MS, else from the cores / 1 minute). */
  functions?: RunnerOptions;
}

export interface RunningServer {
  url: string;
  port: number;
  ctx: AdminContext;
  scheduler: TimerScheduler;
  /** What an SDK client must sign with. */
  credentials: Credentials;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const env = opts.env ?? 'linli-local';
  const local = opts.local ?? true;
  const credentials = opts.credentials ?? localCredentials();
  let hosts = new Set<string>();
  mkdirSync(opts.dataDir, { recursive: true });
  const engine = new Engine(join(opts.dataDir, 'db.sqlite'));
  if (opts.schema !== false) ensureSchema(engine);
  const clock = new Clock();
  let baseUrl = '';
  const storage = new Storage(join(opts.dataDir, 'storage'), env, () => baseUrl);
  const outbox = new Outbox(engine.db);
  const runner = new FunctionRunner(
    [opts.functionsDir, ...(opts.extraFunctionsDirs ?? [])],
    () => ({
      TENCENTCLOUD_RUNENV: 'SCF',
      SCF_NAMESPACE: env,
      TCB_ENV: env,
      TENCENTCLOUD_REGION: 'ap-shanghai',
      TENCENTCLOUD_SECRETID: credentials.secretId,
      TENCENTCLOUD_SECRETKEY: credentials.secretKey,
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${baseUrl}/admin` }),
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
      TCB_CONTEXT_KEYS: 'TCB_SOURCE,LINLI_NOW,LINLI_CLOCK_FROZEN',
      SILENCE: 'true',
    }),
    () => clock.now(),
    () => clock.state().frozen,
    opts.functions,
  );
  const ctx: AdminContext = { engine, clock, runner, outbox, storage };
  const scheduler = new TimerScheduler(runner, clock);

  const server = createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (e instanceof HttpError) sendJson(res, e.status, { ok: false, error: { code: e.code, message: e.message } });
      else {
        console.error('[local-cloudbase]', e);
        sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: '本地云开发内部错误' } });
      }
    });
  });

  /** CloudBase's error shape on /admin: `{code, message}` — the SDK throws it as a TcbError. */
  const adminError = (res: ServerResponse, code: string, message: string, status = 200) => sendJson(res, status, { code, message, requestId: randomUUID() });

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://local');
    const path = url.pathname;
    const method = req.method ?? 'GET';

    // Every route: only requests addressed to this server (DNS rebinding sends another Host)
    // and, from a browser, only from its own pages (a cross-site page sends its Origin).
    const foreign = foreignRequest(req.headers, hosts);
    if (foreign) {
      req.resume();
      if (path === '/admin') return adminError(res, 'PERMISSION_DENIED', foreign, 403);
      throw new HttpError(403, 'FORBIDDEN', '请求来源不被允许');
    }

    if (path === '/admin' && method === 'POST') {
      const raw = await readBody(req);
      if (!isJsonType(req.headers['content-type'])) {
        return adminError(res, 'INVALID_PARAM', `unsupported content-type: ${mediaType(req.headers['content-type']) || 'none'} (use @cloudbase/node-sdk)`);
      }
      const text = raw.toString('utf8');
      if (jsonTooDeep(text)) return adminError(res, 'INVALID_PARAM', `request body is nested deeper than ${MAX_JSON_DEPTH} levels`);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return adminError(res, 'INVALID_PARAM', 'request body is not valid JSON');
      }
      if (!body || typeof body !== 'object' || Array.isArray(body)) return adminError(res, 'INVALID_PARAM', 'request body must be a JSON object');
      const problem = signatureProblem({ method, url: req.url ?? '/admin', headers: req.headers, body: body as Record<string, unknown> }, credentials);
      if (problem) return adminError(res, 'SIGN_PARAM_INVALID', problem);
      opts.onAdminRequest?.(body, req.headers);
      // The query profiler: which invocation made this call (its own URL, see functions/profiler.ts).
      const inv = url.searchParams.get('linli_inv');
      const t0 = performance.now();
      const reply = await handleAdmin(ctx, body);
      if (inv) {
        const b = body as Record<string, unknown>;
        runner.profiler.record(inv, {
          action: String(b.action ?? '').slice(0, 64),
          ...(typeof b.collectionName === 'string' ? { collection: b.collectionName.slice(0, 64) } : {}),
          ms: Math.round((performance.now() - t0) * 100) / 100,
        });
      }
      return sendJson(res, 200, reply);
    }

    if (path.startsWith('/cos/') && method === 'PUT') return cosPut(req, res, path);

    if (path.startsWith('/files/') && (method === 'GET' || method === 'HEAD')) {
      const id = path.slice('/files/'.length);
      const p = storage.openTempUrl(id, Number(url.searchParams.get('expires')), String(url.searchParams.get('sign')), clock.now());
      if (!p) throw new HttpError(403, 'FORBIDDEN', '链接已失效');
      const data = storage.read(p);
      if (!data) throw new HttpError(404, 'NOT_FOUND', '文件不存在');
      res.writeHead(200, { ...downloadHeaders(p), 'content-length': data.length, 'cache-control': 'private, no-store' });
      return res.end(method === 'HEAD' ? undefined : data);
    }

    if (path.startsWith('/api/')) {
      if (!local) throw new HttpError(404, 'NOT_FOUND', 'not found');
      return apiRoute(req, res, url, method);
    }

    if (method === 'GET' || method === 'HEAD') return serveStatic(res, path);
    throw new HttpError(404, 'NOT_FOUND', 'not found');
  }

  /**
   * The COS PUT of `uploadFile`: only with the authorization `storage.getUploadMetadata` issued
   * for exactly this key, still valid. Errors answer in COS's XML, which the SDK parses.
   */
  async function cosPut(req: IncomingMessage, res: ServerResponse, path: string) {
    const cosError = (status: number, code: string, message: string) => {
      req.resume();
      const xml = `<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${randomUUID()}</RequestId><TraceId>local</TraceId></Error>`;
      res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(xml), connection: 'close' });
      res.end(xml);
    };
    let key: string;
    try {
      key = decodeURIComponent(path.slice('/cos/'.length));
    } catch {
      return cosError(400, 'InvalidURI', 'the object key is not valid percent-encoding');
    }
    const p = storage.safePath(key);
    if (!p) return cosError(400, 'InvalidURI', 'invalid object key');
    if (!storage.verifyUpload(p, req.headers.authorization, req.headers['x-cos-security-token'], clock.now())) {
      return cosError(403, 'AccessDenied', 'this upload needs the authorization storage.getUploadMetadata issued for this key');
    }
    let body: Buffer;
    try {
      body = await readBody(req, MAX_UPLOAD);
    } catch (e) {
      if (e instanceof HttpError) return cosError(e.status, 'EntityTooLarge', 'the object is too large');
      throw e;
    }
    try {
      storage.put(p, body);
    } catch (e) {
      if (e instanceof StorageError) return cosError(e.status, e.code, e.message);
      throw e;
    }
    res.writeHead(200, { 'content-length': 0 });
    return res.end();
  }

  async function apiRoute(req: IncomingMessage, res: ServerResponse, url: URL, method: string) {
    const path = url.pathname;
    const fn = /^\/api\/functions\/([A-Za-z0-9_-]{1,64})$/.exec(path);
    if (fn && method === 'POST') {
      const openid = String(req.headers['x-wx-openid'] ?? '').trim();
      const raw = await readBody(req);
      if (!openid) throw new HttpError(401, 'UNAUTHENTICATED', '缺少 x-wx-openid 请求头');
      if (!runner.has(fn[1])) throw new HttpError(404, 'NOT_FOUND', `云函数不存在：${fn[1]}`);
      const event = parseJson(req, raw, { allowAny: true });
      const out = await runner.invoke(fn[1], event, { openid, appid: 'wx-local-appid', source: 'wx_client' });
      if (out.profile) for (const [k, v] of Object.entries(profileHeaders(out.profile))) res.setHeader(k, v);
      if (!out.ok) {
        if (out.code === 'INVALID_PARAM') throw new HttpError(400, 'INVALID_INPUT', '请求数据无法交给云函数');
        throw new HttpError(out.code === 'FUNCTIONS_TIME_LIMIT_EXCEEDED' ? 504 : 502, out.code, out.message);
      }
      return sendJson(res, 200, out.result);
    }
    if (path === '/api/dev/invocations' && method === 'GET') {
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const fnName = url.searchParams.get('fn') ?? undefined;
      return sendJson(res, 200, { ok: true, data: runner.profiler.list({ fn: fnName, limit: Number.isFinite(limit) ? limit : 50 }) });
    }
    if (path === '/api/dev/personas' && method === 'GET') return sendJson(res, 200, { ok: true, data: listPersonas(engine) });
    if (path === '/api/dev/functions' && method === 'GET') {
      const file = join(opts.functionsDir, 'catalogue.json');
      const catalogue = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
      return sendJson(res, 200, { ok: true, data: catalogue });
    }
    if (path === '/api/dev/outbox' && method === 'GET') {
      const touser = url.searchParams.get('touser') ?? undefined;
      const limit = Number(url.searchParams.get('limit') ?? 100);
      return sendJson(res, 200, { ok: true, data: outbox.list({ touser, limit }) });
    }
    const timer = /^\/api\/dev\/timers\/([A-Za-z0-9_-]{1,64})$/.exec(path);
    if (timer && method === 'POST') {
      if (!runner.list().some((f) => f.name === timer[1] && f.triggers.length)) throw new HttpError(404, 'NOT_FOUND', `没有定时触发器：${timer[1]}`);
      const out = await scheduler.fire(timer[1]);
      return sendJson(res, 200, out.ok ? { ok: true, data: out.result } : { ok: false, error: { code: out.code, message: out.message } });
    }
    if (path === '/api/dev/clock') {
      if (method === 'GET') return sendJson(res, 200, { ok: true, data: clock.state() });
      if (method === 'POST') {
        const body = parseJson(req, await readBody(req));
        if (body.reset === true) clock.reset();
        else if (typeof body.set === 'string' && !Number.isNaN(Date.parse(body.set))) clock.set(Date.parse(body.set), body.frozen === true);
        else if (typeof body.advanceMs === 'number' && Number.isFinite(body.advanceMs)) clock.advance(body.advanceMs);
        else throw new HttpError(400, 'INVALID_INPUT', '需要 set（ISO 时间）、advanceMs（毫秒）或 reset');
        await scheduler.tick();
        return sendJson(res, 200, { ok: true, data: clock.state() });
      }
    }
    if (path === '/api/dev/wx-faults' && method === 'POST') {
      const body = parseJson(req, await readBody(req));
      if (!Number.isInteger(body.errcode) || !Number.isInteger(body.times) || body.times < 1)
        throw new HttpError(400, 'INVALID_INPUT', '需要 errcode 与 times（正整数），可选 touser');
      outbox.faults.set(typeof body.touser === 'string' ? body.touser : '*', { errcode: body.errcode, times: body.times });
      return sendJson(res, 200, { ok: true, data: Object.fromEntries(outbox.faults) });
    }
    if (path === '/api/dev/indexes' && method === 'POST') {
      const body = parseJson(req, await readBody(req));
      if (typeof body.collection !== 'string' || !Array.isArray(body.indexes)) throw new HttpError(400, 'INVALID_INPUT', '需要 collection 与 indexes');
      engine.ensureIndexes(body.collection, body.indexes);
      return sendJson(res, 200, { ok: true, data: { collection: body.collection, indexes: body.indexes.length } });
    }
    if (path === '/api/dev/health' && method === 'GET') {
      return sendJson(res, 200, {
        ok: true,
        data: { env, functions: runner.list().map((f) => f.name), egress: runner.egress, collections: engine.listCollections(), clock: clock.state() },
      });
    }
    throw new HttpError(404, 'NOT_FOUND', 'not found');
  }

  function serveStatic(res: ServerResponse, path: string) {
    const dir = opts.h5Dir && existsSync(opts.h5Dir) ? resolve(opts.h5Dir) : null;
    if (!dir) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end('<!doctype html><meta charset="utf-8"><title>邻里物业 · 本地云开发</title><p>本地云开发已启动。H5 应用尚未构建：运行 <code>npm run build:h5</code>。</p>');
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      throw new HttpError(400, 'INVALID_INPUT', 'invalid path');
    }
    if (decoded.includes('\0')) throw new HttpError(400, 'INVALID_INPUT', 'invalid path');
    let file = resolve(dir, '.' + decoded);
    if (file !== dir && !file.startsWith(dir + sep)) throw new HttpError(403, 'FORBIDDEN', 'forbidden');
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(dir, 'index.html');
    const data = readFileSync(file);
    res.writeHead(200, { 'content-type': mime(file), 'content-length': data.length, 'cache-control': file.endsWith('index.html') ? 'no-cache' : 'max-age=3600' });
    res.end(data);
  }

  await new Promise<void>((r, j) => {
    server.once('error', j);
    server.listen(opts.port ?? 8080, host, () => r());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  hosts = allowedHosts(host, port, opts.allowedHosts ?? []);
  if (opts.timers !== false) scheduler.start();

  return {
    url: baseUrl,
    port,
    ctx,
    scheduler,
    credentials,
    async close() {
      scheduler.stop();
      await new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections?.();
      await runner.stopAll();
      engine.close();
    },
  };
}

function readBody(req: IncomingMessage, max = MAX_BODY): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, 'REQUEST_TOO_LARGE', `请求体超过 ${max / 1024 / 1024} MB 上限`);
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > max) {
      req.resume();
      return reject(tooLarge());
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > max) {
        failed = true;
        reject(tooLarge());
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => !failed && resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * A JSON request body: only with `Content-Type: application/json` (a cross-site form or a
 * `text/plain` fetch is refused), at most MAX_JSON_DEPTH levels deep, and an object unless
 * `allowAny` (the gateway hands any JSON value to the function, which answers for it).
 */
function parseJson(req: IncomingMessage, buf: Buffer, { allowAny = false } = {}): any {
  if (!isJsonType(req.headers['content-type'])) throw new HttpError(415, 'INVALID_INPUT', '请求体必须是 JSON（Content-Type: application/json）');
  const text = buf.toString('utf8') || '{}';
  if (jsonTooDeep(text)) throw new HttpError(400, 'INVALID_INPUT', `请求体嵌套超过 ${MAX_JSON_DEPTH} 层`);
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'INVALID_INPUT', allowAny ? '请求体不是合法的 JSON' : '请求体不是合法的 JSON 对象');
  }
  if (!allowAny && (!v || typeof v !== 'object' || Array.isArray(v))) throw new HttpError(400, 'INVALID_INPUT', '请求体不是合法的 JSON 对象');
  return v;
}

/** What the gateway tells about an invocation's database use (local mode's query profiler). */
export function profileHeaders(p: InvocationProfile): Record<string, string> {
  return {
    'x-linli-db-calls': String(p.dbCalls),
    'x-linli-db-steps': String(p.dbSteps),
    'x-linli-db-ms': String(p.dbMs),
    'x-linli-request-id': p.requestId,
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};
function mime(file: string) {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
