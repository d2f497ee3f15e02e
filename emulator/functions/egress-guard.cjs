'use strict';
// Records (and refuses) any connection a function instance tries to open to a host that
// is not loopback: locally, nothing may leave the machine, and the SDK must never try
// Tencent's hosts. The runner reports what was attempted at /api/dev/health.
const net = require('node:net');
const dns = require('node:dns');

const attempts = [];
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|\[::1\])$/i;

function check(host) {
  if (host === undefined || host === null || host === '' || LOOPBACK.test(String(host))) return null;
  attempts.push(String(host));
  const err = new Error(`egress to ${host} refused: the local CloudBase only allows loopback`);
  err.code = 'ECONNREFUSED';
  return err;
}

const origConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const opts = typeof args[0] === 'object' && args[0] !== null && !Array.isArray(args[0]) ? args[0] : { port: args[0], host: args[1] };
  if (!opts.path) {
    const err = check(opts.host ?? 'localhost');
    if (err) {
      process.nextTick(() => this.destroy(err));
      return this;
    }
  }
  return origConnect.apply(this, args);
};

const origLookup = dns.lookup;
dns.lookup = function (host, ...rest) {
  const err = check(host);
  const cb = rest[rest.length - 1];
  if (err && typeof cb === 'function') return process.nextTick(() => cb(err));
  return origLookup.call(this, host, ...rest);
};

module.exports = { attempts };
