import { COLLECTIONS, FRESH_DOCS } from '../cloudfunctions/_lib/schema';
import type { Engine } from './db/engine';

/** Creates every declared collection and index on the local engine (idempotent); a collection created new gets its `FRESH_DOCS`. */
export function ensureSchema(engine: Engine) {
  const fresh: string[] = [];
  for (const [name, indexes] of Object.entries(COLLECTIONS)) {
    if (engine.createCollection(name)) fresh.push(name);
    if (indexes.length) engine.ensureIndexes(name, indexes);
  }
  for (const name of fresh)
    for (const { collection, doc } of FRESH_DOCS[name] ?? []) if (!engine.getById(collection, doc._id)) engine.insert(collection, [{ ...doc, at: new Date() }]);
}
