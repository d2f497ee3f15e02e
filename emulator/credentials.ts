/**
 * The key pair the local CloudBase checks `/admin` request signatures against, as CloudBase
 * checks a CAM key: `@cloudbase/node-sdk` signs every request with its SecretId/SecretKey
 * (TC3-HMAC-SHA256), and the server refuses a request that is not signed with this pair.
 *
 * From `TENCENTCLOUD_SECRETID` / `TENCENTCLOUD_SECRETKEY` in the server's environment, else the
 * documented local defaults below (printed by `npm start`). The function runner hands the same
 * pair to the bundles, so the functions' SDK works unchanged; tests, scripts and a developer's
 * own SDK client use the same pair.
 */
export interface Credentials {
  secretId: string;
  secretKey: string;
}

export const DEFAULT_SECRET_ID = 'linli-local';
export const DEFAULT_SECRET_KEY = 'linli-local-7f3c9a1e5b2d4086';

/** The pair in `env` when both are set, else the local defaults. */
export function localCredentials(env: NodeJS.ProcessEnv = process.env): Credentials {
  const secretId = env.TENCENTCLOUD_SECRETID?.trim();
  const secretKey = env.TENCENTCLOUD_SECRETKEY?.trim();
  if (secretId && secretKey) return { secretId, secretKey };
  return { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY };
}

/** True for the documented defaults (anyone who read the README knows them). */
export function isDefaultCredentials(c: Credentials) {
  return c.secretId === DEFAULT_SECRET_ID && c.secretKey === DEFAULT_SECRET_KEY;
}
