/**
 * `npm run db:init` — creates every declared collection and index.
 *
 *   npm run db:init                       the local CloudBase on http://127.0.0.1:$PORT (npm start must be running)
 *   npm run db:init -- --env <envId>      a real CloudBase environment; needs TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY
 *
 * Collections are created through @cloudbase/node-sdk in both cases (the same call the
 * functions' SDK makes); indexes through the local dev route, or CloudBase's management API.
 */
import tcb from '@cloudbase/node-sdk';
import { COLLECTIONS } from '../cloudfunctions/_lib/schema';
import { localCredentials } from '../emulator/credentials';

async function main() {
  const args = process.argv.slice(2);
  const envIdx = args.indexOf('--env');
  const envId = envIdx >= 0 ? args[envIdx + 1] : undefined;
  if (envId) return initCloud(envId);
  return initLocal(Number(process.env.PORT ?? 8080));
}

async function initLocal(port: number) {
  const base = `http://127.0.0.1:${port}`;
  // The pair the local CloudBase checks: TENCENTCLOUD_SECRETID/KEY as npm start had them, else its defaults.
  const { secretId, secretKey } = localCredentials();
  Object.assign(process.env, { TENCENTCLOUD_RUNENV: 'SCF', TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey, SILENCE: 'true' });
  try {
    await fetch(`${base}/api/dev/health`);
  } catch {
    throw new Error(`no local CloudBase on ${base}: start it with \`npm start\` (or set PORT)`);
  }
  const db = tcb.init({ env: 'linli-local', secretId, secretKey, serviceUrl: `${base}/admin` } as any).database();
  for (const [name, indexes] of Object.entries(COLLECTIONS)) {
    const created = await createCollection(db, name);
    if (indexes.length) {
      const res = await fetch(`${base}/api/dev/indexes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ collection: name, indexes }) });
      if (!res.ok) throw new Error(`indexes of ${name}: ${await res.text()}`);
    }
    console.log(`${created ? 'created' : 'exists '} ${name} (${indexes.length} indexes)`);
  }
}

async function initCloud(envId: string) {
  const { TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey } = process.env;
  if (!secretId || !secretKey) throw new Error('set TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (a CAM key with CloudBase access)');
  const { default: CloudBase } = await import('@cloudbase/manager-node');
  const manager = new CloudBase({ secretId, secretKey, envId });
  for (const [name, indexes] of Object.entries(COLLECTIONS)) {
    await manager.database.createCollectionIfNotExists(name);
    for (const ix of indexes) {
      const exists = await manager.database.checkIndexExists(name, ix.name);
      if (exists.Exists) continue;
      await manager.database.updateCollection(name, {
        CreateIndexes: [
          {
            IndexName: ix.name,
            MgoKeySchema: { MgoIndexKeys: ix.keys.map(([k, d]) => ({ Name: k, Direction: String(d) })), MgoIsUnique: !!ix.unique },
          },
        ],
      });
    }
    console.log(`ready   ${name} (${indexes.length} indexes) on ${envId}`);
  }
}

async function createCollection(db: any, name: string): Promise<boolean> {
  try {
    await db.createCollection(name);
    return true;
  } catch (e: any) {
    if (e?.code === 'DATABASE_COLLECTION_ALREADY_EXIST') return false;
    throw e;
  }
}

main().catch((e) => {
  console.error(`db:init failed: ${e?.message ?? e}`);
  process.exit(1);
});
