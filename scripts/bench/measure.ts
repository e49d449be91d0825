// Timing for npm run bench. Contenders for one row run interleaved, round after round, so that a burst of
// load from another process slows all of them alike and the ratios between them stay fair.
//
// Each batch is timed twice: by the clock (wall time) and by the CPU time this process used. On a machine
// shared with other work the scheduler takes the core away now and then; that time passes on the clock
// but not in CPU time, so the CPU time is the measure of the code, and the one the table ranks by.

/** One implementation of one row of the table. */
export interface Contender {
  readonly name: string;
  /** Runs once, before each batch of calls (e.g. selects a tfjs backend); not timed. */
  readonly before?: () => Promise<void> | void;
  /** One call of the op under test; its result is dropped (tfjs ones dispose theirs). */
  readonly run: () => void;
}

export interface Timing {
  readonly name: string;
  /** Median CPU seconds per call over the rounds. */
  readonly median: number;
  /** Median wall-clock seconds per call over the rounds. */
  readonly wall: number;
  /** Rounds measured, and calls per round. */
  readonly rounds: number;
  readonly batch: number;
  /** CPU time this process used over wall time, while the row ran: near 1 on a quiet machine. */
  readonly share: number;
}

export interface RaceOptions {
  /** Shortest batch worth timing, in seconds (performance.now() has ~5 µs resolution). */
  readonly minBatch?: number;
  /** Rounds to take the median of, at least. */
  readonly minRounds?: number;
  /** Spend about this long in total on the row, in seconds, if min rounds allow. */
  readonly budget?: number;
}

const now = (): number => performance.now() / 1000;
const cpuNow = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/**
 * Times each contender: warm-up (so the JIT has optimised every path), then rounds in which each runs a
 * batch of calls, long enough to time; the result is the median over rounds of seconds per call.
 */
export async function race(contenders: readonly Contender[], options: RaceOptions = {}): Promise<Timing[]> {
  const { minBatch = 0.004, minRounds = 11, budget = 2 } = options;
  const batches: number[] = [];
  for (const c of contenders) {
    await c.before?.();
    // Warm-up, so the JIT has optimised every path: 20 calls and 0.1 s, or 2 calls if that takes 1 s, in
    // CPU time (a busy machine may pause the process for long on the clock). It also times one call.
    let calls = 0;
    const start = cpuNow();
    while ((calls < 20 || cpuNow() - start < 0.1) && !(calls >= 2 && cpuNow() - start > 1)) {
      c.run();
      calls++;
    }
    const perCall = (cpuNow() - start) / calls;
    batches.push(Math.max(1, Math.ceil(minBatch / perCall)));
  }
  const roundTime = await timeRound(contenders, batches);
  const rounds = Math.max(minRounds, Math.min(101, Math.floor(budget / roundTime)));
  const samples: number[][] = contenders.map(() => []);
  const walls: number[][] = contenders.map(() => []);
  const cpu0 = process.cpuUsage(), wall0 = now();
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < contenders.length; k++) {
      const c = contenders[k];
      await c.before?.();
      const c0 = process.cpuUsage(), t0 = now();
      for (let i = 0; i < batches[k]; i++) c.run();
      const t = now() - t0, c1 = process.cpuUsage(c0);
      walls[k].push(t / batches[k]);
      samples[k].push((c1.user + c1.system) / 1e6 / batches[k]);
    }
  }
  const cpu = process.cpuUsage(cpu0);
  const share = (cpu.user + cpu.system) / 1e6 / (now() - wall0);
  return contenders.map((c, k) => ({ name: c.name, median: median(samples[k]), wall: median(walls[k]), rounds, batch: batches[k], share }));
}

// One round, not kept, to fit the number of rounds to the budget.
async function timeRound(contenders: readonly Contender[], batches: readonly number[]): Promise<number> {
  let total = 0;
  for (let k = 0; k < contenders.length; k++) {
    await contenders[k].before?.();
    const t0 = now();
    for (let i = 0; i < batches[k]; i++) contenders[k].run();
    total += now() - t0;
  }
  return Math.max(1e-6, total);
}

export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The value at fraction q (0..1) of the sorted samples, nearest rank. */
export function quantile(xs: readonly number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
