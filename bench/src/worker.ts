import { getHeapStatistics } from "node:v8";
import { answersOf, groups } from "./candidates";

// One candidate in one fresh process: `answers`, `time <samples> <sampleMs>` or `alloc`.
// The loop below is the only caller of `ask`, so it stays monomorphic.

const [group = "", candidate = "", mode = "time", a = "5", b = "100"] = process.argv.slice(2);

async function main() {
  if (mode === "answers") {
    process.stdout.write(JSON.stringify(await answersOf(group, candidate)));
    return;
  }
  const make = groups[group]?.[candidate];
  if (!make) throw new Error(`unknown candidate ${candidate} of ${group}`);
  const { items, ask } = await make();
  const n = items.length;
  let sink = 0;
  const loop = (f: (item: never) => number) => (calls: number) => {
    let j = 0;
    for (let i = 0; i < calls; i++) {
      sink = (sink + f(items[j] as never)) | 0;
      j = j + 1 === n ? 0 : j + 1;
    }
  };
  const run = loop(ask);
  const timed = (calls: number) => {
    const t0 = process.hrtime.bigint();
    run(calls);
    return Number(process.hrtime.bigint() - t0);
  };
  // Loops start at one call and double, so a slow question (a 10 MB scan) is not run thousands
  // of times before anything is measured.
  const warmUp = () => {
    let c = 1;
    for (let spent = 0; spent < 2e8; c *= 2) spent += timed(c);
  };
  /** Nanoseconds per call, over at least a millisecond of calls. */
  const calibrate = () => {
    let c = 1;
    for (;;) {
      const ns = timed(c);
      if (ns >= 1e6) return ns / c;
      c *= 2;
    }
  };
  // The answers go back with the timings, so the caller checks them against ours first.
  const answers = items.map((item) => ask(item as never));
  if (mode === "alloc") {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) throw new Error("run with --expose-gc");
    warmUp();
    // Size the loop to allocate about 16 MB, well inside the 64 MB semi-space: no scavenge runs.
    const nsPerCall = calibrate();
    let calls = Math.max(3, Math.min(1000, Math.floor(1e7 / nsPerCall)));
    const heap = () => getHeapStatistics().used_heap_size;
    // The same loop around a function that allocates nothing: what the loop itself costs.
    const empty = loop(() => 0);
    empty(20_000);
    const perCall = (f: (calls: number) => void) => {
      const samples: number[] = [];
      for (let s = 0; s < 5; s++) {
        gc();
        const h0 = heap();
        f(calls);
        samples.push((heap() - h0) / calls);
      }
      return samples.sort((x, y) => x - y)[2] ?? 0;
    };
    const probe = perCall(run);
    // At most about 16 MB and 50 ms per sample.
    calls = Math.max(
      3,
      Math.min(200_000, Math.floor(16e6 / Math.max(probe, 1)), Math.floor(5e7 / nsPerCall)),
    );
    const bytes = Math.max(0, perCall(run) - perCall(empty));
    process.stdout.write(JSON.stringify({ bytes, sink }));
    return;
  }
  const samples = Number(a);
  const sampleNs = Number(b) * 1e6;
  // Warm up for about two samples' time, then size the loop to the sample length.
  let calls = 1;
  let warm = 0;
  while (warm < 2 * sampleNs) {
    const ns = timed(calls);
    warm += ns;
    if (ns < sampleNs / 4) calls *= 2;
  }
  calls = Math.max(1, Math.round((calls * sampleNs) / Math.max(1, timed(calls))));
  const nsPerOp: number[] = [];
  for (let s = 0; s < samples; s++) nsPerOp.push(timed(calls) / calls);
  process.stdout.write(JSON.stringify({ nsPerOp, calls, sink, answers }));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
