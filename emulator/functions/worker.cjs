'use strict';
// One warm function instance. It runs one invocation at a time, so the identity
// variables it sets for an invocation are never seen by another one.
const { parentPort, workerData } = require('node:worker_threads');
const egress = require('./egress-guard.cjs');

const IDENTITY_KEYS = workerData.identityKeys;
Object.assign(process.env, workerData.baseEnv);
let mod;

parentPort.on('message', async (msg) => {
  for (const k of IDENTITY_KEYS) delete process.env[k];
  Object.assign(process.env, msg.env);
  try {
    if (!mod) mod = require(workerData.bundle);
    if (typeof mod.main !== 'function') throw new Error('the bundle exports no main function');
    const result = await mod.main(msg.event, msg.context);
    parentPort.postMessage({ id: msg.id, ok: true, result: result === undefined ? null : JSON.parse(JSON.stringify(result)), egress: egress.attempts.splice(0) });
  } catch (e) {
    parentPort.postMessage({ id: msg.id, ok: false, message: String((e && e.message) || e), egress: egress.attempts.splice(0) });
  }
});
