import { spawn, spawnSync } from "node:child_process";
import { closeSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it, vi } from "vitest";
import packageJson from "../../package.json" with { type: "json" };
import { tempDir } from "../support/runCli";

// Each test starts a Node process; on a busy machine that can take seconds.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

// Built once for this project by buildBin.ts (its vitest globalSetup).
const BIN = inject("cliBin");
const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** Runs the binary as a pipe (never a TTY) with colours off. */
const runBin = (args: readonly string[]) =>
  spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, NO_COLOR: "1" },
    encoding: "utf8",
  });

describe("the trunkiq-policy binary", () => {
  it("is declared as the package's bin and starts with a shebang", () => {
    expect(packageJson.bin).toEqual({ "trunkiq-policy": "./dist/bin.js" });
    expect(readFileSync(BIN, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("exits 0 for an allowed use, 1 for a denied one and 2 for bad input", () => {
    const allowed = runBin(["explain", "use", "marketing", "account", "--consent"]);
    expect(allowed.status).toBe(0);
    expect(allowed.stdout).toContain("ALLOWED");
    expect(allowed.stderr).toBe("");
    expect(runBin(["explain", "use", "marketing", "account"]).status).toBe(1);
    const bad = runBin(["explain", "use", "advertising", "account"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.split("\n").filter(Boolean)).toHaveLength(1);
  });

  it("prints --help and exits 0", () => {
    const { status, stdout } = runBin(["--help"]);
    expect(status).toBe(0);
    expect(stdout).toContain("Exit codes: ");
  });
});

describe("the binary's output failures", () => {
  const records = join(dir, "many.ndjson");
  writeFileSync(
    records,
    Array.from({ length: 50_000 }, (_, i) =>
      JSON.stringify({ id: `r${i}`, category: "call-detail-record", collectedAt: "2010-01-01" }),
    ).join("\n"),
  );

  it("exits 0 without a stack trace when a sweep's reader stops after one line", async () => {
    const child = spawn(process.execPath, [BIN, "retention", "sweep", records], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1" },
    });
    let err = "";
    child.stderr.on("data", (d) => {
      err += String(d);
    });
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    expect(err).toBe("");
  });

  it("exits 3 with one line when a sweep's output lands on a full disk", () => {
    const full = openSync("/dev/full", "w");
    try {
      const result = spawnSync(process.execPath, [BIN, "retention", "sweep", records], {
        stdio: ["ignore", full, "pipe"],
        encoding: "utf8",
      });
      expect(result.status).toBe(3);
      expect(result.stderr).toMatch(/^trunkiq-policy: cannot write the output: ENOSPC[^\n]*\n$/);
    } finally {
      closeSync(full);
    }
  });
});
