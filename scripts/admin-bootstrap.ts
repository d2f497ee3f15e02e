/**
 * `npm run admin:bootstrap` — issues the one-time setup code that makes its first redeemer the
 * company admin of a fresh environment (issue #17).
 *
 *   npm run admin:bootstrap                      the local CloudBase on http://127.0.0.1:$PORT (npm start must be running)
 *   npm run admin:bootstrap -- --env <envId>     a real environment; needs TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY
 *   … -- --force                                 issue a code although a company admin exists (e.g. the admin left)
 *
 * The code is written through the server SDK (only a holder of the environment's key can run
 * this), stored as a SHA-256 hash in `setup_codes`, valid for 24 hours, single-use; any earlier
 * unused code is revoked. Nothing else grants the role: no env switch, no default code.
 */
import tcb from '@cloudbase/node-sdk';
import { randomBytes } from 'node:crypto';
import { hashSetupCode } from '../cloudfunctions/_lib/setup-code';
import { localCredentials } from '../emulator/credentials';
import { SETUP_CODE_TTL_HOURS, setupCodeFrom } from '../src/domain/onboarding';

async function main() {
  const args = process.argv.slice(2);
  const envIdx = args.indexOf('--env');
  const envId = envIdx >= 0 ? args[envIdx + 1] : undefined;
  const force = args.includes('--force');
  let app: ReturnType<typeof tcb.init>;
  let where: string;
  if (envId) {
    const { TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey } = process.env;
    if (!secretId || !secretKey) throw new Error('set TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (a CAM key with CloudBase access)');
    app = tcb.init({ env: envId, secretId, secretKey } as any);
    where = `environment ${envId}`;
  } else {
    const base = `http://127.0.0.1:${Number(process.env.PORT ?? 8080)}`;
    const { secretId, secretKey } = localCredentials();
    Object.assign(process.env, { SILENCE: 'true' });
    try {
      await fetch(`${base}/api/dev/health`);
    } catch {
      throw new Error(`no local CloudBase on ${base}: start it with \`npm start\` (or set PORT)`);
    }
    app = tcb.init({ env: process.env.LINLI_ENV ?? 'linli-local', secretId, secretKey, serviceUrl: `${base}/admin` } as any);
    where = `the local CloudBase on ${base}`;
  }
  const db = app.database();
  for (const name of ['setup_codes', 'company_admins']) {
    try {
      await db.createCollection(name);
    } catch {
      /* exists */
    }
  }
  const admins = (await db.collection('company_admins').where({ active: true }).count()).total as number;
  if (admins > 0 && !force) {
    console.error(`${where} already has a company admin; nothing issued. Use --force to issue another setup code.`);
    process.exitCode = 2;
    return;
  }
  const now = new Date();
  // Only the newest code is valid.
  await db.collection('setup_codes').where({ redeemedBy: null, revoked: false }).update({ revoked: true, revokedAt: now });
  const code = setupCodeFrom(randomBytes(16));
  const expiresAt = new Date(now.getTime() + SETUP_CODE_TTL_HOURS * 3600_000);
  await db.collection('setup_codes').add({ _id: hashSetupCode(code), createdAt: now, expiresAt, redeemedBy: null, revoked: false });
  const shown = code.match(/.{4}/g)!.join('-');
  console.log(`Setup code for ${where}: ${shown}`);
  console.log(`SETUP_CODE=${code}`);
  console.log(`Valid until ${expiresAt.toISOString()} (${SETUP_CODE_TTL_HOURS} h), once. In the mini-program: 我的 → 管理员初始化 (page staff/setup/index), enter the code.`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
