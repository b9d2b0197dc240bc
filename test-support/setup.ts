import fc from "fast-check";

// CI replays one fixed seed so a red build is reproducible; FC_SEED replays any reported seed.
// fast-check prints the seed and path of every failure, so a local random failure can be replayed.
const seed = process.env.FC_SEED ?? (process.env.CI ? "20250707" : undefined);
if (seed !== undefined) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(seed) });
// Mutation runs repeat the suite once per mutant, so they lower the default number of runs.
const numRuns = process.env.FC_NUM_RUNS;
if (numRuns !== undefined)
  fc.configureGlobal({ ...fc.readConfigureGlobal(), numRuns: Number(numRuns) });
