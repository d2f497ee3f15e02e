/**
 * The emulator's clock. Functions, `serverDate()` and timer triggers all read it; tests
 * move it through `POST /api/dev/clock` instead of sleeping.
 */
export class Clock {
  private offsetMs = 0;
  private frozenAt: number | null = null;

  now(): number {
    return this.frozenAt ?? Date.now() + this.offsetMs;
  }

  set(at: number, frozen = false) {
    if (frozen) this.frozenAt = at;
    else {
      this.frozenAt = null;
      this.offsetMs = at - Date.now();
    }
  }

  advance(ms: number) {
    if (this.frozenAt !== null) this.frozenAt += ms;
    else this.offsetMs += ms;
  }

  reset() {
    this.offsetMs = 0;
    this.frozenAt = null;
  }

  state() {
    return { now: new Date(this.now()).toISOString(), frozen: this.frozenAt !== null, offsetMs: this.frozenAt === null ? this.offsetMs : undefined };
  }
}
