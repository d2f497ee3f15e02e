import { COLLECTIONS } from '../cloudfunctions/_lib/schema';
import type { Engine } from './db/engine';

/** Creates every declared collection and index on the local engine (idempotent). */
export function ensureSchema(engine: Engine) {
  for (const [name, indexes] of Object.entries(COLLECTIONS)) {
    engine.createCollection(name);
    if (indexes.length) engine.ensureIndexes(name, indexes);
  }
}
