'use strict';
// One warm function instance. It runs one invocation at a time, so the identity
// variables it sets for an invocation are never seen by another one.
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { performance } = require('node:perf_hooks');
const egress = require('./egress-guard.cjs');

const IDENTITY_KEYS = workerData.identityKeys;
Object.assign(process.env, workerData.baseEnv);
let mod;

// The profiler's clock on this side: each `/admin` request an invocation's SDK sends carries
// the invocation's id in its URL (`linli_inv=`, see profiler.ts); it is timed from the request
// to the end of its response, so the runner can tell parallel calls from sequential ones.
const spans = [];
const INV = /[?&]linli_inv=([^&]+)/;
const origRequest = http.request;
http.request = function (...args) {
  const first = args[0];
  const url = typeof first === 'string' ? first : first instanceof URL ? first.href : String((first && first.path) || '');
  const req = origRequest.apply(this, args);
  const m = INV.exec(url);
  if (m) {
    const span = { inv: decodeURIComponent(m[1]), start: performance.now(), end: 0 };
    spans.push(span);
    req.once('close', () => (span.end = performance.now()));
  }
  return req;
};

/** The spans of one invocation (calls a previous one left running are not its own). */
function spansOf(id) {
  const mine = [];
  for (let i = spans.length - 1; i >= 0; i--) {
    const s = spans[i];
    if (s.inv === id) {
      mine.push({ start: s.start, end: s.end || performance.now() });
      spans.splice(i, 1);
    } else if (s.end) spans.splice(i, 1);
  }
  return mine;
}

/** Every invocation gets exactly one answer, even when its result cannot be sent as is. */
function reply(id, msg) {
  const extra = { egress: egress.attempts.splice(0), spans: spansOf(id) };
  try {
    parentPort.postMessage({ id, ...msg, ...extra });
  } catch (e) {
    parentPort.postMessage({ id, ok: false, message: `the function's reply cannot be sent: ${String((e && e.message) || e)}`, ...extra });
  }
}

parentPort.on('message', async (msg) => {
  for (const k of IDENTITY_KEYS) delete process.env[k];
  Object.assign(process.env, msg.env);
  let result;
  try {
    try {
      // Cold start (loading the bundle) is not part of the invocation's time limit, as in SCF.
      if (!mod) mod = require(workerData.bundle);
    } finally {
      parentPort.postMessage({ id: msg.id, started: true });
    }
    if (typeof mod.main !== 'function') throw new Error('the bundle exports no main function');
    const out = await mod.main(msg.event, msg.context);
    // The runner copies the reply (structured clone); a JSON round trip first gives the JSON
    // value CloudBase would return (dates as strings, undefined dropped).
    result = out === undefined ? null : JSON.parse(JSON.stringify(out));
  } catch (e) {
    reply(msg.id, { ok: false, message: String((e && e.message) || e) });
    return;
  }
  reply(msg.id, { ok: true, result });
});
