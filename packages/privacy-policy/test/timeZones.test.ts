import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "tsup";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// vitest fixes TZ at startup, so the probe is bundled once and evaluated by child processes.
const zones = ["UTC", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata"];
const probe = fileURLToPath(new URL("./support/timeZoneProbe.ts", import.meta.url));
let dir = "";
const results = new Map<string, Record<string, unknown>[]>();

const run = (tz: string) =>
  JSON.parse(
    execFileSync(process.execPath, [join(dir, "probe.js")], {
      env: { ...process.env, TZ: tz },
      encoding: "utf8",
    }),
  ) as Record<string, unknown>[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tz-probe-"));
  await build({
    entry: { probe },
    outDir: dir,
    format: ["esm"],
    platform: "node",
    target: "node20",
    bundle: true,
    noExternal: [/.*/],
    silent: true,
    config: false,
    dts: false,
    esbuildOptions(options) {
      options.conditions = ["@trunkiq/source"];
    },
  });
  for (const tz of zones) results.set(tz, run(tz));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("§7, §9, §10 dates do not depend on the machine's time zone (DST, leap days)", () => {
  it("gives the same deadlines, retention ends, ages and consent answers in every time zone", () => {
    const reference = results.get("UTC");
    expect(reference).toHaveLength(10);
    for (const tz of zones.slice(1)) expect(results.get(tz), tz).toEqual(reference);
  });

  it("reads stored timestamps with an offset as the same instant and refuses them without one", () => {
    for (const tz of zones) {
      for (const row of results.get(tz) ?? []) {
        expect(row.kolkata, tz).toBe(row.at);
        expect(row.newfoundland, tz).toBe(row.at);
        expect(row.withoutOffset, tz).toBe(false);
      }
    }
  });

  it("ends retention at a UTC day boundary and answers one month later at the same UTC time", () => {
    for (const row of results.get("Australia/Lord_Howe") ?? []) {
      expect(String(row.until)).toMatch(/T00:00:00\.000Z$/);
      expect(String(row.deadline).slice(11)).toBe(String(row.at).slice(11));
    }
  });
});
