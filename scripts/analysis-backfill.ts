/**
 * `npm run analysis:backfill` — rebuilds the register and every analysis counter from the ticket log
 * (the `register` function's system action `backfill`; desk-logged contacts are kept and recounted).
 *
 *   npm run analysis:backfill                       the local CloudBase on http://127.0.0.1:$PORT (npm start must be running)
 *   npm run analysis:backfill -- --env <envId>      a real CloudBase environment; needs TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY
 */
import tcb from '@cloudbase/node-sdk';
import { localCredentials } from '../emulator/credentials';

async function main() {
  const args = process.argv.slice(2);
  const envIdx = args.indexOf('--env');
  const envId = envIdx >= 0 ? args[envIdx + 1] : undefined;
  let app;
  if (envId) {
    app = tcb.init({ env: envId, secretId: process.env.TENCENTCLOUD_SECRETID, secretKey: process.env.TENCENTCLOUD_SECRETKEY } as any);
  } else {
    const base = `http://127.0.0.1:${Number(process.env.PORT ?? 8080)}`;
    const { secretId, secretKey } = localCredentials();
    Object.assign(process.env, { TENCENTCLOUD_RUNENV: 'SCF', TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey, SILENCE: 'true' });
    app = tcb.init({ env: 'linli-local', secretId, secretKey, serviceUrl: `${base}/admin` } as any);
  }
  const res: any = await app.callFunction({ name: 'register', data: { action: 'backfill', data: {} } });
  if (!res?.result?.ok) throw new Error(`backfill failed: ${JSON.stringify(res?.result?.error ?? res)}`);
  console.log(
    `outcomes stored on ${res.result.data.outcomes} older log entries; rebuilt: ${res.result.data.projected} log entries in ${res.result.data.batches} batches${res.result.data.more ? ' (more remain: the timer continues)' : ''}`,
  );
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
