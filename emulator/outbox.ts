import type Database from 'better-sqlite3';

export interface OutboxMessage {
  id: number;
  at: string;
  api: string;
  touser: string | null;
  templateId: string | null;
  page: string | null;
  data: unknown;
  /** What the emulated WeChat answered (errcode 0 = delivered). */
  errcode: number;
}

/** Every openapi call that would reach a person (subscribe messages) is recorded here. */
export class Outbox {
  /** Errors the emulated WeChat answers next, per recipient ('*' for anyone): for failure tests. */
  readonly faults = new Map<string, { errcode: number; times: number }>();

  /** The injected error for this recipient's next send, if any (consumed). */
  takeFault(touser: string): number | null {
    for (const key of [touser, '*']) {
      const f = this.faults.get(key);
      if (f && f.times > 0) {
        f.times--;
        if (f.times === 0) this.faults.delete(key);
        return f.errcode;
      }
    }
    return null;
  }

  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS __outbox (
      id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, api TEXT NOT NULL, touser TEXT,
      template_id TEXT, page TEXT, data TEXT NOT NULL, errcode INTEGER NOT NULL)`);
    db.exec('CREATE INDEX IF NOT EXISTS __outbox_touser ON __outbox (touser, id)');
  }

  record(at: Date, api: string, req: any, errcode: number): number {
    return Number(
      this.db
        .prepare('INSERT INTO __outbox (at, api, touser, template_id, page, data, errcode) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(at.toISOString(), api, req?.touser ?? null, req?.template_id ?? req?.templateId ?? null, req?.page ?? null, JSON.stringify(req?.data ?? null), errcode)
        .lastInsertRowid,
    );
  }

  list(filter: { touser?: string; limit?: number } = {}): OutboxMessage[] {
    const limit = Math.min(Math.max(filter.limit ?? 100, 1), 1000);
    const rows = (
      filter.touser
        ? this.db.prepare('SELECT * FROM __outbox WHERE touser = ? ORDER BY id DESC LIMIT ?').all(filter.touser, limit)
        : this.db.prepare('SELECT * FROM __outbox ORDER BY id DESC LIMIT ?').all(limit)
    ) as any[];
    return rows.map((r) => ({ id: r.id, at: r.at, api: r.api, touser: r.touser, templateId: r.template_id, page: r.page, data: JSON.parse(r.data), errcode: r.errcode }));
  }
}
