import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { networkInterfaces } from 'node:os';
import { Signer } from '@cloudbase/signature-nodejs';
import type { Credentials } from './credentials';

/**
 * The local CloudBase's request checks: the SDK's TC3 signature on `/admin`, the Host and
 * Origin of every request, JSON content types and nesting depth.
 */

/** Deeper JSON is refused before it is parsed or dispatched (MongoDB allows 100 levels; the app needs < 10). */
export const MAX_JSON_DEPTH = 64;
/** How long a signature is valid after its timestamp (the SDK sends `X-Signature-Expires: 600`). */
export const SIGNATURE_MAX_AGE_S = 600;
/** Tolerated clock skew for a timestamp in the future. */
export const SIGNATURE_MAX_SKEW_S = 300;

/** The media type of a Content-Type header without parameters, lower-cased ('' when absent). */
export function mediaType(header: string | string[] | undefined): string {
  const v = Array.isArray(header) ? header[0] : header;
  return String(v ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
}

export const isJsonType = (header: string | string[] | undefined) => mediaType(header) === 'application/json';

/**
 * True when the JSON text nests objects/arrays deeper than `max`. A linear scan of the text
 * (no parse, no recursion), so a 100k-level body costs one pass and nothing else.
 */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > max) return true;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return false;
}

/** True when a value nests objects/arrays deeper than `max` (iterative; stops at the first too-deep branch). */
export function valueTooDeep(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  let visited = 0;
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d + 1 > max) return true;
    // A value shared by reference would be walked again: bound the walk by work, not only depth.
    if (++visited > 1_000_000) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, d + 1]);
  }
  return false;
}

// ---------------------------------------------------------------------------------------
// Host and Origin

/**
 * The Host header values this server answers to: its own address and loopback names at its
 * port (plus every local interface when bound to a wildcard address, and `extra` names).
 * Anything else is a DNS-rebinding page or a misdirected request.
 */
export function allowedHosts(host: string, port: number, extra: string[] = []): Set<string> {
  const names = new Set<string>(['127.0.0.1', 'localhost', '[::1]']);
  const bracket = (h: string) => (h.includes(':') && !h.startsWith('[') ? `[${h}]` : h);
  if (host === '0.0.0.0' || host === '::') {
    for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) names.add(bracket(a.address));
  } else names.add(bracket(host));
  for (const h of extra) if (h.trim()) names.add(bracket(h.trim().toLowerCase()));
  const out = new Set<string>();
  for (const n of names) {
    out.add(`${n.toLowerCase()}:${port}`);
    if (port === 80) out.add(n.toLowerCase());
  }
  return out;
}

/**
 * Why a request must be refused for its Host or Origin, or null when both are the server's
 * own. A request without an Origin (the SDK, curl, an <img>) is judged by its Host alone;
 * a browser's cross-site request carries the other site's Origin and is refused.
 */
export function foreignRequest(headers: IncomingHttpHeaders, hosts: Set<string>): string | null {
  const host = String(headers.host ?? '').toLowerCase();
  if (!hosts.has(host)) return host ? `host not allowed: ${host}` : 'missing Host header';
  const origin = headers.origin;
  if (origin === undefined) return null;
  let u: URL;
  try {
    u = new URL(String(origin));
  } catch {
    return `origin not allowed: ${String(origin)}`;
  }
  if (u.protocol !== 'http:' || !hosts.has(u.host.toLowerCase()) || u.origin === 'null') return `origin not allowed: ${String(origin)}`;
  return null;
}

// ---------------------------------------------------------------------------------------
// The SDK's request signature (TC3-HMAC-SHA256, service 'tcb')

const AUTHORIZATION =
  /^TC3-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{4}-\d{2}-\d{2})\/tcb\/tc3_request,(?: SignedParams=([^,]*),)? SignedHeaders=([a-z0-9;_-]+), Signature=([0-9a-f]{64})$/;

export interface SignedRequest {
  method: string;
  /** Path and query as received (`/admin?env=…&seqId=…`). */
  url: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/**
 * Checks an `/admin` request the way CloudBase checks the SDK's signature: the credential is
 * ours, the timestamp is fresh, and recomputing the signature with our SecretKey — over the
 * method, the URL, the headers the client signed (host and content-type among them) and every
 * parameter of the body — gives the same value. Recomputed with `@cloudbase/signature-nodejs`,
 * the signer the SDK itself uses, so both sides canonicalise identically.
 *
 * Every body parameter is hashed, whatever `SignedParams` claims, so no parameter can be added
 * to a signed request. Returns null when valid, else the reason.
 */
export function signatureProblem(req: SignedRequest, creds: Credentials, nowSec = Math.floor(Date.now() / 1000)): string | null {
  const auth = req.headers.authorization;
  if (!auth) return 'missing Authorization: sign the request with SecretId/SecretKey (@cloudbase/node-sdk does)';
  const m = AUTHORIZATION.exec(String(auth));
  if (!m) return 'malformed Authorization';
  const [, secretId, date, , signedHeaderList, signature] = m;
  if (secretId !== creds.secretId) return 'secret id error';
  const ts = Number(req.headers['x-timestamp']);
  if (!Number.isInteger(ts)) return 'missing or malformed X-Timestamp';
  if (ts > nowSec + SIGNATURE_MAX_SKEW_S) return 'signature timestamp is in the future';
  if (nowSec - ts > SIGNATURE_MAX_AGE_S) return 'signature expired';
  if (new Date(ts * 1000).toISOString().slice(0, 10) !== date) return 'credential date does not match X-Timestamp';
  const names = signedHeaderList.split(';');
  if (!names.includes('host') || !names.includes('content-type')) return 'host and content-type must be signed';
  const headers: Record<string, string> = {};
  for (const name of names) {
    const v = req.headers[name];
    if (v === undefined) return `signed header missing: ${name}`;
    headers[name] = Array.isArray(v) ? v.join(', ') : String(v);
  }
  const url = `http://${headers.host}${req.url}`;
  const signer = new Signer(creds, 'tcb');
  const expected = Buffer.from(signature, 'hex');
  // The SDK signs with the method in lower case ('post'); accept the upper-case spelling too.
  for (const method of new Set([req.method.toLowerCase(), req.method.toUpperCase()])) {
    let computed: string;
    try {
      const sig = signer.tc3sign(method, url, headers, req.body, ts, { withSignedParams: true }).signature;
      computed = typeof sig === 'string' ? sig : sig.toString('hex');
    } catch {
      return 'request cannot be canonicalised for signing';
    }
    const got = Buffer.from(computed, 'hex');
    if (got.length === expected.length && timingSafeEqual(got, expected)) return null;
  }
  return 'signature does not match';
}
