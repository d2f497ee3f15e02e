import type { Database } from './cloud';
import { isDuplicate } from './ids';

/** Insert-first: true only for the one caller that records this document. */
export async function claim(db: Database, collection: string, doc: Record<string, any>): Promise<boolean> {
  try {
    await db.collection(collection).add(doc);
    return true;
  } catch (e) {
    if (isDuplicate(e)) return false;
    throw e;
  }
}

/**
 * Inserts the documents whose ids do not exist yet, in bulk, and answers which ids this
 * call inserted. A concurrent run inserting some of the same ids makes the bulk insert fail
 * as a whole; then each goes in alone and the other run's stand.
 */
export async function insertMissing(db: Database, collection: string, docs: Record<string, any>[], opts: { insertFirst?: boolean } = {}): Promise<Set<string>> {
  const inserted = new Set<string>();
  const _ = db.command;
  const unique = [...new Map(docs.map((d) => [d._id, d])).values()];
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    if (opts.insertFirst) {
      // Where the documents are usually new (a notification's few), try the insert first: one
      // round trip instead of two; a duplicate (a retry) falls back to reading what exists.
      try {
        await db.collection(collection).add(chunk);
        chunk.forEach((d) => inserted.add(d._id));
        continue;
      } catch (e) {
        if (!isDuplicate(e)) throw e;
      }
    }
    const existing = new Set(
      (
        await db
          .collection(collection)
          .where({ _id: _.in(chunk.map((d) => d._id)) })
          .field({ _id: true })
          .limit(1000)
          .get()
      ).data.map((d: any) => d._id),
    );
    const missing = chunk.filter((d) => !existing.has(d._id));
    if (!missing.length) continue;
    try {
      await db.collection(collection).add(missing);
      missing.forEach((d) => inserted.add(d._id));
    } catch (e) {
      if (!isDuplicate(e)) throw e;
      for (const d of missing) if (await claim(db, collection, d)) inserted.add(d._id);
    }
  }
  return inserted;
}
