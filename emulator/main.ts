import { resolve } from 'node:path';
import { startServer } from './server';
import { seedIfEmpty } from './seed';
import { seedActivity } from './seed-activity';
import { isDefaultCredentials, localCredentials } from './credentials';

/**
 * `npm start` ends here: the local CloudBase on loopback, with the built functions, the
 * H5 app at `/`, and demo data on first run.
 */
async function main() {
  const root = resolve(__dirname, '..');
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  const dataDir = resolve(root, process.env.LINLI_DATA_DIR ?? '.cloudbase-local');
  // LINLI_MODE=production: the SDK endpoint and storage only — no x-wx-openid gateway, no dev
  // routes, no demo data, and a key pair of your own (the documented defaults are refused).
  const production = process.env.LINLI_MODE === 'production';
  const credentials = localCredentials();
  if (production && isDefaultCredentials(credentials)) {
    throw new Error('LINLI_MODE=production needs a key pair of your own: set TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY');
  }
  const server = await startServer({
    credentials,
    allowedHosts: (process.env.LINLI_ALLOWED_HOSTS ?? '').split(',').filter(Boolean),
    port,
    host,
    dataDir,
    functionsDir: resolve(root, 'build/functions'),
    h5Dir: resolve(root, 'dist/h5'),
    env: process.env.TCB_ENV ?? 'linli-local',
    local: !production,
  });
  const seeded = production || process.env.LINLI_SEED === '0' ? false : seedIfEmpty(server.ctx.engine, new Date(server.ctx.clock.now()));
  if (seeded) {
    try {
      await seedActivity(server);
    } catch (e) {
      // The people and homes are there; only the demo tickets and notices are missing.
      console.warn(`demo tickets/notices not seeded: ${(e as Error).message}`);
    }
  }
  console.log(
    `邻里物业 local CloudBase ${production ? '(production mode: no gateway, no dev routes, no demo data) ' : seeded ? '(seeded demo data) ' : ''}listening on ${server.url}`,
  );
  if (!production) console.log(`  app:       ${server.url}/`);
  console.log(`  SDK:       ${server.url}/admin  (requests signed with the key pair below)`);
  console.log(`  SecretId:  ${credentials.secretId}`);
  // The documented defaults are printed; a key of one's own is not echoed to the terminal.
  console.log(`  SecretKey: ${isDefaultCredentials(credentials) ? credentials.secretKey : '(from TENCENTCLOUD_SECRETKEY)'}`);
  if (!production) console.log(`  personas:  ${server.url}/api/dev/personas`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
