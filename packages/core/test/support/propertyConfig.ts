import fc from "fast-check";

// CI replays one fixed seed so a failure there reproduces locally with the same FC_SEED.
if (process.env.CI) fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20250707) });
