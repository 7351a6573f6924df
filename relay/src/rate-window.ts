/**
 * Per-second rates of a few counters over the last `windowMs`, for /metrics. Prometheus computes rates
 * from the counters by itself; these gauges are for whoever reads /metrics by hand (an operator with curl
 * on the club's small server), so "how busy is it now" needs no arithmetic.
 */
export class RateWindow {
  private readonly samples: Array<{ readonly at: number; readonly values: readonly number[] }> = [];

  constructor(private readonly windowMs = 10_000) {}

  /** Records the counters' values at `at` (ms); called about once a second. */
  record(at: number, values: readonly number[]): void {
    this.samples.push({ at, values });
    // Keep one sample at or before the window's start, so the rate always spans the whole window.
    while (this.samples.length > 2 && (this.samples[1]?.at ?? at) <= at - this.windowMs) this.samples.shift();
  }

  /** Each counter's increase per second between the oldest and the newest sample; zeros before two samples. */
  perSecond(count: number): number[] {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (first === undefined || last === undefined || last.at <= first.at) return new Array(count).fill(0);
    const seconds = (last.at - first.at) / 1000;
    return Array.from(
      { length: count },
      (_, i) => ((last.values[i] ?? 0) - (first.values[i] ?? 0)) / seconds,
    );
  }
}
