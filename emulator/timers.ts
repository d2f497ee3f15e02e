import { Cron } from 'croner';
import type { Clock } from './clock';
import type { FunctionRunner, InvokeOutcome } from './functions/runner';

/**
 * Fires timer triggers on their CloudBase cron schedule (7 fields: second minute hour
 * day month weekday year), against the emulator's clock. A schedule that passed while
 * the clock jumped fires once, as a missed trigger would.
 */
export function parseCloudbaseCron(expr: string): Cron {
  const fields = expr.trim().split(/\s+/);
  if (fields.length !== 7) throw new Error(`CloudBase cron needs 7 fields, got ${fields.length}: ${expr}`);
  if (fields[6] !== '*') throw new Error(`only "*" is supported for the year field: ${expr}`);
  return new Cron(fields.slice(0, 6).join(' '), { paused: true, timezone: 'Asia/Shanghai' });
}

export class TimerScheduler {
  private lastCheck: number;
  private handle: NodeJS.Timeout | null = null;
  readonly fired: { name: string; trigger: string; at: string; ok: boolean }[] = [];

  constructor(
    private readonly runner: FunctionRunner,
    private readonly clock: Clock,
  ) {
    this.lastCheck = clock.now();
  }

  start(intervalMs = 1000) {
    this.handle = setInterval(() => void this.tick(), intervalMs);
    this.handle.unref();
  }

  stop() {
    if (this.handle) clearInterval(this.handle);
    this.handle = null;
  }

  /** Fire every trigger whose schedule has a run in (lastCheck, now]. */
  async tick() {
    const now = this.clock.now();
    const from = this.lastCheck;
    this.lastCheck = now;
    if (now <= from) return;
    const due: [string, string][] = [];
    for (const fn of this.runner.list()) {
      for (const t of fn.triggers) {
        if (t.type !== 'timer') continue;
        const next = parseCloudbaseCron(t.config).nextRun(new Date(from));
        if (next && next.getTime() <= now) due.push([fn.name, t.name]);
      }
    }
    await Promise.all(due.map(([name, trigger]) => this.fire(name, trigger)));
  }

  async fire(name: string, trigger?: string): Promise<InvokeOutcome> {
    const fn = this.runner.list().find((f) => f.name === name);
    const t = trigger ?? fn?.triggers.find((x) => x.type === 'timer')?.name ?? 'manual';
    const event = { Type: 'Timer', TriggerName: t, Time: new Date(this.clock.now()).toISOString(), Message: '' };
    const out = await this.runner.invoke(name, event, { source: 'timer' });
    this.fired.push({ name, trigger: t, at: event.Time, ok: out.ok && (out.result as any)?.ok !== false });
    if (this.fired.length > 200) this.fired.shift();
    return out;
  }
}
