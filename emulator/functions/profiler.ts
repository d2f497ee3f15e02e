/**
 * The query profiler of the local CloudBase: per function invocation, every database (and
 * other `/admin`) call it made, how many sequential steps they took and how long they took.
 *
 * Attribution: each invocation's SDK sends its `/admin` requests to its own URL
 * (`/admin?linli_inv=<requestId>&…`, from the per-invocation TCB_CONTEXT_CNFG the runner
 * hands the instance), so the server knows which invocation made each call. Steps are
 * measured where the function waits: the instance times each request it sends (start to
 * end of the response) and a call starts a new step when no earlier call of the same
 * invocation is still in flight. (The server alone cannot tell: it answers one request at
 * a time, so two parallel calls never overlap there.)
 */
export interface DbCall {
  /** SDK action, e.g. `database.getDocument`. */
  action: string;
  collection?: string;
  /** Milliseconds the server spent answering it. */
  ms: number;
}

export interface InvocationProfile {
  requestId: string;
  fn: string;
  /** The event's `action` (or `timer:<name>`). */
  action: string;
  openid: string;
  at: string;
  /** Whole invocation, as the runner saw it. */
  ms: number;
  ok: boolean;
  dbCalls: number;
  dbSteps: number;
  /** Milliseconds the function spent waiting for at least one call (union of the calls' spans). */
  dbMs: number;
  /** How many calls each sequential step made (parallel calls share a step). */
  stepSizes: number[];
  calls: DbCall[];
}

/** A call as the instance timed it (milliseconds on its own clock). */
export interface Span {
  start: number;
  end: number;
}

/** Steps and waited time from the spans the instance measured. */
export function stepsOf(spans: Span[]): { steps: number; ms: number; sizes: number[] } {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let steps = 0;
  let ms = 0;
  let busyUntil = -Infinity;
  const sizes: number[] = [];
  for (const s of sorted) {
    if (s.start >= busyUntil) {
      // Nothing earlier is still in flight: a new sequential step.
      steps++;
      sizes.push(1);
      ms += s.end - s.start;
      busyUntil = s.end;
      continue;
    }
    sizes[sizes.length - 1]++;
    if (s.end > busyUntil) {
      ms += s.end - busyUntil;
      busyUntil = s.end;
    }
  }
  return { steps, ms: Math.round(ms * 10) / 10, sizes };
}

export class Profiler {
  private active = new Map<string, DbCall[]>();
  private recent: InvocationProfile[] = [];

  constructor(private readonly keep = 200) {}

  begin(requestId: string) {
    this.active.set(requestId, []);
  }

  /** Records an `/admin` call of an invocation in flight; calls of unknown ids are ignored. */
  record(requestId: string, call: DbCall) {
    this.active.get(requestId)?.push(call);
  }

  end(requestId: string, info: Omit<InvocationProfile, 'requestId' | 'dbCalls' | 'dbSteps' | 'dbMs' | 'stepSizes' | 'calls'>, spans: Span[]): InvocationProfile {
    const calls = this.active.get(requestId) ?? [];
    this.active.delete(requestId);
    const { steps, ms, sizes } = stepsOf(spans);
    const profile: InvocationProfile = { requestId, ...info, dbCalls: calls.length, dbSteps: steps, dbMs: ms, stepSizes: sizes, calls };
    this.recent.push(profile);
    if (this.recent.length > this.keep) this.recent.splice(0, this.recent.length - this.keep);
    return profile;
  }

  /** The last invocations, newest first. */
  list(opts: { fn?: string; limit?: number } = {}): InvocationProfile[] {
    const out = this.recent.filter((p) => !opts.fn || p.fn === opts.fn).reverse();
    return out.slice(0, Math.max(1, Math.min(opts.limit ?? 50, this.keep)));
  }
}
