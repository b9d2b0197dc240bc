import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/database";
import { dropSchema, schemaName } from "./support/database";

// The service as `pnpm --filter cdr-service start` runs it: its own process, on a real port.
const root = fileURLToPath(new URL("..", import.meta.url));
const tsx = createRequire(join(root, "package.json")).resolve("tsx/cli");
const url = process.env.DATABASE_URL || undefined;
const dataDir = url === undefined ? mkdtempSync(join(tmpdir(), "cdr-service-")) : undefined;
const schema = url === undefined ? undefined : schemaName();
const env = {
  ...process.env,
  PORT: "0",
  LOG_LEVEL: "info",
  ...(dataDir === undefined ? {} : { PGLITE_DATA_DIR: dataDir }),
  ...(schema === undefined ? {} : { DATABASE_SCHEMA: schema }),
};

let service: ChildProcess;
let base: string;

beforeAll(async () => {
  service = spawn(process.execPath, [tsx, "--conditions=@trunkiq/source", "src/main.ts"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  base = await new Promise<string>((resolve, reject) => {
    service.once("exit", (code) => reject(new Error(`the service exited with ${code}`)));
    createInterface({ input: service.stdout as NodeJS.ReadableStream }).on("line", (line) => {
      const address = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
      if (address !== undefined) resolve(address);
    });
  });
});

afterAll(async () => {
  if (service.exitCode === null) {
    const exited = new Promise((resolve) => service.once("exit", resolve));
    service.kill("SIGTERM");
    await exited;
  }
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  if (url !== undefined && schema !== undefined) await dropSchema(url, schema);
});

const call = async (method: string, path: string, body?: object) => {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: a JSON body, checked by the assertions.
  return { status: response.status, body: (await response.json()) as any };
};

describe("the service in its own process", () => {
  it("listens, answers each purpose what it may have, and refuses the rest", async () => {
    expect(
      await call("POST", "/customers", { id: "acme", company: "Acme", jurisdiction: "us" }),
    ).toEqual({ status: 201, body: { id: "acme" } });
    const cdr = {
      customerId: "acme",
      caller: "+12025550100",
      callee: "+12025550111",
      startedAt: "2026-01-05T10:00:00Z",
      durationSeconds: 42,
      route: "carrier-a",
    };
    expect(await call("POST", "/cdrs", { cdrs: [cdr] })).toEqual({
      status: 201,
      body: { stored: 1 },
    });
    const calls = await call("GET", "/customers/acme/calls");
    expect(calls.status).toBe(200);
    expect(calls.body.calls).toHaveLength(1);
    const denied = await call("GET", "/usage?jurisdiction=uk");
    expect(denied.status).toBe(403);
    expect(denied.body.error).toBe("denied");
    const preview = await call("POST", "/jobs/purge", { dryRun: true });
    expect(preview.status).toBe(200);
    expect(preview.body.dryRun).toBe(true);
  });

  it("runs the purge from the command line on the same data, changing nothing in a dry run", async () => {
    const exited = new Promise((resolve) => service.once("exit", resolve));
    service.kill("SIGTERM");
    await exited;
    const run = spawnSync(
      process.execPath,
      [tsx, "--conditions=@trunkiq/source", "src/purgeCommand.ts", "--", "--dry-run"],
      { cwd: root, env, encoding: "utf8" },
    );
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.dryRun).toBe(true);
    expect(report.counts).toContainEqual({
      category: "call-detail-record",
      jurisdiction: "us",
      rows: 0,
      held: 0,
    });
    // Its retention decisions are audited under the run's own scope.
    const database = await openDatabase({ url, schema, dataDir });
    try {
      const rows = await database.db
        .selectFrom("audit_decisions")
        .select(["kind", "request_id", "actor", "subject"])
        .where("kind", "=", "retention-cutoff")
        .where("actor", "=", "purge-command")
        .execute();
      expect(rows.length).toBeGreaterThan(0);
      const runs = new Set(rows.map((r) => r.request_id));
      expect(runs.size).toBe(1);
      expect([...runs][0]).toMatch(/^purge-[0-9a-f-]{36}$/);
      expect(rows.every((r) => r.subject === null)).toBe(true);
    } finally {
      await database.close();
    }
  });
});
