// A jest reporter that prints, after the run, how long each test layer (jest project) took:
// wall time from its first suite's start to its last suite's end, and the suites' summed time.
class LayerTimes {
  constructor() {
    this.layers = new Map();
  }
  onTestResult(test, result) {
    const name = test.context.config.displayName?.name ?? test.context.config.displayName ?? 'default';
    const { start, end } = result.perfStats;
    const l = this.layers.get(name) ?? { start, end, summed: 0, suites: 0, failed: 0 };
    l.start = Math.min(l.start, start);
    l.end = Math.max(l.end, end);
    l.summed += end - start;
    l.suites += 1;
    if (result.numFailingTests > 0 || result.testExecError) l.failed += 1;
    this.layers.set(name, l);
  }
  onRunComplete() {
    if (this.layers.size === 0) return;
    const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
    const rows = [...this.layers].sort((a, b) => a[1].start - b[1].start);
    console.log('\nlayer timings (wall · summed over suites):');
    for (const [name, l] of rows)
      console.log(`  ${name.padEnd(11)} ${s(l.end - l.start).padStart(8)} · ${s(l.summed).padStart(8)}  ${l.suites} suites${l.failed ? `, ${l.failed} failing` : ''}`);
  }
}
module.exports = LayerTimes;
