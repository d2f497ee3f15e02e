import { sign } from '@cloudbase/signature-nodejs';
import type { Credentials } from '../../emulator/credentials';
import { LOCAL_CREDENTIALS } from './local-cloudbase';

/**
 * Headers for a hand-made `/admin` request, signed the way `@cloudbase/node-sdk` signs
 * (TC3-HMAC-SHA256 over method, URL, host + content-type, and every body parameter), for tests
 * that send raw bodies the SDK would never send. `body` is the JSON text that will be sent.
 */
export function signedAdminHeaders(url: string, body: string, creds: Credentials = LOCAL_CREDENTIALS, timestamp = Math.floor(Date.now() / 1000) - 1): Record<string, string> {
  let params: unknown;
  try {
    params = JSON.parse(body);
  } catch {
    params = body;
  }
  const headers = { 'content-type': 'application/json', host: new URL(url).host };
  const { authorization } = sign({
    secretId: creds.secretId,
    secretKey: creds.secretKey,
    method: 'post',
    url,
    params: params && typeof params === 'object' && !Array.isArray(params) ? params : body,
    headers,
    withSignedParams: true,
    timestamp,
  });
  return { ...headers, authorization, 'x-timestamp': String(timestamp) };
}
