#!/usr/bin/env node
// `npm run reset` — wipes the local CloudBase's data; the next `npm start` seeds it again.
import { rmSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';

const dir = resolve(import.meta.dirname, '..', process.env.LINLI_DATA_DIR ?? '.cloudbase-local');
if (existsSync(dir)) {
  rmSync(dir, { recursive: true, force: true });
  console.log(`removed ${dir}`);
} else console.log(`nothing to remove (${dir} does not exist)`);
