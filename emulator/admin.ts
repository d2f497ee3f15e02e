import { randomUUID } from 'node:crypto';
import type { Engine } from './db/engine';
import { DbError } from './db/errors';
import { parseEJSON, stringifyEJSON, WireError } from './db/ejson';
import type { Clock } from './clock';
import type { FunctionRunner } from './functions/runner';
import type { Outbox } from './outbox';
import type { Storage } from './storage';
import { wxApi } from './wx-api';
import { jsonTooDeep, MAX_JSON_DEPTH } from './security';

export interface AdminContext {
  engine: Engine;
  clock: Clock;
  runner: FunctionRunner;
  outbox: Outbox;
  storage: Storage;
}

type Reply = Record<string, unknown>;

/** CloudBase clamps `limit` to 1000; the SDK sends 100 when none is given. */
const MAX_LIMIT = 1000;

/**
 * The `/admin` endpoint: executes one SDK request and answers in CloudBase's shapes.
 * A failure is `{ code, message, requestId }` (HTTP 200), which the SDK throws as a TcbError.
 */
export async function handleAdmin(ctx: AdminContext, body: any): Promise<Reply> {
  const requestId = randomUUID();
  try {
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new WireError('INVALID_PARAM', 'request body must be a JSON object');
    const action = body.action;
    if (typeof action !== 'string') throw new WireError('INVALID_PARAM', 'missing action');
    // Only the actions listed below: a Map has no inherited keys (`constructor`, `__proto__`, `toString`…).
    const handler = ACTIONS.get(action);
    if (!handler) throw new WireError('INVALID_ACTION', `unknown action: ${action.slice(0, 100)}`);
    const out = await handler(ctx, body);
    return { ...out, requestId };
  } catch (e) {
    if (e instanceof DbError || e instanceof WireError) return { code: e.code, message: e.message, requestId };
    // Anything else is a bug of ours: logged here, never described to the caller.
    console.error('[local-cloudbase] /admin', e);
    return { code: 'SYS_ERR', message: 'internal error', requestId };
  }
}

const now = (ctx: AdminContext) => () => ctx.clock.now();

function collectionName(body: any): string {
  if (typeof body.collectionName !== 'string' || !body.collectionName) throw new WireError('INVALID_PARAM', 'missing collectionName');
  return body.collectionName;
}

function txId(body: any): string | undefined {
  return typeof body.transactionId === 'string' && body.transactionId ? body.transactionId : undefined;
}

function query(ctx: AdminContext, body: any): Record<string, any> {
  if (body.query === undefined || body.query === null || body.query === '') return {};
  const q = parseEJSON(body.query, now(ctx), 'query');
  if (!q || typeof q !== 'object' || Array.isArray(q)) throw new WireError('INVALID_PARAM', 'query must be an object');
  return q;
}

function order(ctx: AdminContext, body: any): [string, 1 | -1][] {
  if (!body.order) return [];
  const o = parseEJSON(body.order, now(ctx), 'order');
  return Object.entries(o as Record<string, number>).map(([k, v]) => [k, v === -1 || (v as any) === 'desc' ? -1 : 1]);
}

/** A JSON string inside the body (function events, open-API requests), depth-limited before parsing. */
function parseJsonParam(text: string, what: string): unknown {
  if (jsonTooDeep(text)) throw new WireError('INVALID_PARAM', `${what} is nested deeper than ${MAX_JSON_DEPTH} levels`);
  try {
    return JSON.parse(text);
  } catch {
    throw new WireError('INVALID_PARAM', `${what} must be JSON`);
  }
}

function int(v: unknown, dflt: number, what: string): number {
  if (v === undefined || v === null) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new WireError('INVALID_PARAM', `${what} must be a non-negative integer`);
  return n;
}

type Handler = (ctx: AdminContext, body: any) => Promise<Reply> | Reply;

const HANDLERS: Record<string, Handler> = {
  'database.addCollection': (ctx, body) => {
    const created = ctx.engine.createCollection(collectionName(body));
    if (!created) throw new DbError('DATABASE_COLLECTION_ALREADY_EXIST', `collection already exists: ${body.collectionName}`);
    return {};
  },

  'database.getDocument': (ctx, body) => {
    const name = collectionName(body);
    const q = query(ctx, body);
    const projection = body.projection ? parseEJSON(body.projection, now(ctx), 'projection') : undefined;
    const tx = txId(body);
    if (tx && Object.keys(q).length === 1 && (typeof q._id === 'string' || typeof q._id === 'number')) {
      const doc = ctx.engine.getById(name, String(q._id), tx);
      return { data: { list: doc ? [stringifyEJSON(doc)] : [] } };
    }
    const limit = Math.min(int(body.limit, 100, 'limit'), MAX_LIMIT);
    const opts = { order: order(ctx, body), skip: int(body.offset, 0, 'offset'), limit, projection };
    // Inside a transaction a query reads the transaction's snapshot and its own writes.
    const docs = tx ? ctx.engine.findInTransaction(name, q, opts, tx) : ctx.engine.find(name, q, opts);
    return { data: { list: docs.map(stringifyEJSON), limit, offset: int(body.offset, 0, 'offset') } };
  },

  'database.calculateDocument': (ctx, body) => {
    const tx = txId(body);
    const name = collectionName(body);
    return { data: { total: tx ? ctx.engine.countInTransaction(name, query(ctx, body), tx) : ctx.engine.count(name, query(ctx, body)) } };
  },

  'database.insertDocument': (ctx, body) => {
    const name = collectionName(body);
    if (!Array.isArray(body.data) || body.data.length === 0) throw new WireError('INVALID_PARAM', 'data must be a non-empty array');
    const docs = body.data.map((d: unknown) => parseEJSON(d, now(ctx), 'data'));
    return { data: { insertedIds: ctx.engine.insert(name, docs, txId(body)) } };
  },

  'database.modifyDocument': (ctx, body) => {
    const name = collectionName(body);
    const data = parseEJSON(body.data, now(ctx), 'data');
    const r = ctx.engine.update(name, query(ctx, body), data, { multi: body.multi === true, replace: body.merge === false, upsert: body.upsert === true }, txId(body));
    return { data: { updated: r.updated, upsert_id: r.upsertId } };
  },

  'database.modifyAndReturnDoc': (ctx, body) => {
    const name = collectionName(body);
    const data = parseEJSON(body.data, now(ctx), 'data');
    const r = ctx.engine.update(name, query(ctx, body), data, { multi: false, replace: false, upsert: false }, txId(body));
    return { data: { updated: r.updated, doc: r.doc ? stringifyEJSON(r.doc) : undefined } };
  },

  'database.removeDocument': (ctx, body) => ({
    data: { deleted: ctx.engine.remove(collectionName(body), query(ctx, body), body.multi === true, txId(body)) },
  }),

  'database.aggregateDocuments': (ctx, body) => {
    const name = collectionName(body);
    if (!Array.isArray(body.stages)) throw new WireError('INVALID_PARAM', 'stages must be an array');
    const stages = body.stages.map((s: any) => {
      if (!s || typeof s.stageKey !== 'string' || !s.stageKey.startsWith('$')) throw new WireError('INVALID_PARAM', 'invalid stage');
      return { [s.stageKey]: parseEJSON(s.stageValue, now(ctx), 'stage') };
    });
    try {
      return { data: { list: ctx.engine.aggregate(name, stages).map(stringifyEJSON) } };
    } catch (e) {
      if (e instanceof DbError) throw e;
      throw new DbError('DATABASE_REQUEST_FAILED', `aggregate failed: ${(e as Error).message}`);
    }
  },

  'database.startTransaction': (ctx) => ({ transactionId: ctx.engine.startTransaction() }),
  'database.commitTransaction': (ctx, body) => {
    ctx.engine.commit(String(body.transactionId));
    return {};
  },
  'database.abortTransaction': (ctx, body) => {
    ctx.engine.abort(String(body.transactionId));
    return {};
  },

  'functions.invokeFunction': async (ctx, body) => {
    const name = body.function_name;
    if (typeof name !== 'string' || !ctx.runner.has(name)) throw new WireError('FUNCTIONS_NOT_EXIST', `function not found: ${name}`);
    let event: unknown = {};
    if (typeof body.request_data === 'string' && body.request_data) {
      event = parseJsonParam(body.request_data, 'request_data');
    }
    // A call from another function carries no end-user identity.
    const out = await ctx.runner.invoke(name, event, { source: 'scf' });
    if (!out.ok) throw new WireError(out.code, out.message);
    return { data: { response_data: JSON.stringify(out.result) } };
  },

  'storage.getUploadMetadata': (ctx, body) => {
    const p = ctx.storage.safePath(body.path);
    if (!p) throw new WireError('INVALID_PARAM', 'invalid cloud path');
    return { data: ctx.storage.uploadMetadata(p, ctx.clock.now()) };
  },

  'storage.batchGetDownloadUrl': (ctx, body) => {
    if (!Array.isArray(body.file_list)) throw new WireError('INVALID_PARAM', 'file_list must be an array');
    return {
      data: {
        download_list: body.file_list.map((f: any) => {
          const p = ctx.storage.pathOf(f?.fileid);
          // The SDK hands this list back as is (`fileList`), and its own downloadFile reads
          // `tempFileURL` and `code` from it: CloudBase answers with fileID/tempFileURL.
          if (!p || !ctx.storage.exists(p)) return { fileID: f?.fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' };
          return { fileID: f.fileid, tempFileURL: ctx.storage.tempUrl(p, Number(f.max_age), ctx.clock.now()), code: 'SUCCESS' };
        }),
      },
    };
  },

  'storage.batchDeleteFile': (ctx, body) => {
    if (!Array.isArray(body.fileid_list)) throw new WireError('INVALID_PARAM', 'fileid_list must be an array');
    return {
      data: {
        delete_list: body.fileid_list.map((id: string) => {
          const p = ctx.storage.pathOf(id);
          return { fileid: id, code: p && ctx.storage.remove(p) ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' };
        }),
      },
    };
  },

  'wx.api': (ctx, body) => {
    let req: unknown = {};
    if (typeof body.requestData === 'string' && body.requestData) {
      req = parseJsonParam(body.requestData, 'requestData');
    }
    return { data: { responseData: JSON.stringify(wxApi(ctx, String(body.apiName ?? ''), req)) } };
  },
};

/** The listed actions, and nothing inherited from Object.prototype. */
const ACTIONS = new Map<string, Handler>(Object.entries(HANDLERS));
