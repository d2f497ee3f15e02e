'use strict';
// One warm function instance. It runs one invocation at a time, so the identity
// variables it sets for an invocation are never seen by another one.
const { parentPort, workerData } = require('node:worker_threads');
const egress = require('./egress-guard.cjs');

const IDENTITY_KEYS = workerData.identityKeys;
Object.assign(process.env, workerData.baseEnv);
let mod;

/** Every invocation gets exactly one answer, even when its result cannot be sent as is. */
function reply(id, msg) {
  try {
    parentPort.postMessage({ id, ...msg, egress: egress.attempts.splice(0) });
  } catch (e) {
    parentPort.postMessage({ id, ok: false, message: `the function's reply cannot be sent: ${String((e && e.message) || e)}`, egress: [] });
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
    result = out === undefined ? null : JSON.parse(JSON.stringify(out));
  } catch (e) {
    reply(msg.id, { ok: false, message: String((e && e.message) || e) });
    return;
  }
  reply(msg.id, { ok: true, result });
});
