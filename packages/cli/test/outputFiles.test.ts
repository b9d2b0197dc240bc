import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { OutputError } from "../src/internal/errors";
import { spreadsheetSafe, streamWriter } from "../src/internal/output";
import { runCli, tempDir } from "./support/runCli";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** Runs the command in-process; `write` may replace how standard output takes a write. */
const run = async (argv: string[], write?: () => never) => {
  const stdout = write ? Object.assign(new Writable(), { write }) : undefined;
  const { code, stdout: out, stderr: err } = await runCli(argv, stdout ? { stdout } : {});
  return { code, out, err };
};
const leftovers = () => readdirSync(dir).filter((f) => f.endsWith(".tmp"));
const errno = (code: string) => Object.assign(new Error(`${code}: failed, write`), { code });

describe.each([
  ["render", []],
  ["export", []],
  ["export", ["--schema"]],
] as const)("%s %s --out", (command, extra) => {
  const target = join(dir, `${command}${extra.join("")}.out`);

  it("writes a new file, keeps an existing one without --force and replaces it with --force", async () => {
    const printed = (await run([command, ...extra])).out;
    expect((await run([command, ...extra, "--out", target])).code).toBe(0);
    expect(readFileSync(target, "utf8")).toBe(printed);

    writeFileSync(target, "keep me");
    const refused = await run([command, ...extra, "--out", target]);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(
      `trunkiq-policy: ${JSON.stringify(target)} exists; --force replaces it\n`,
    );
    expect(readFileSync(target, "utf8")).toBe("keep me");

    expect((await run([command, ...extra, "--out", target, "--force"])).code).toBe(0);
    expect(readFileSync(target, "utf8")).toBe(printed);
    expect(leftovers()).toEqual([]);
  });

  it("treats - as standard output", async () => {
    const { code, out } = await run([command, ...extra, "--out", "-"]);
    expect(code).toBe(0);
    expect(out).toBe((await run([command, ...extra])).out);
    expect(existsSync(join(process.cwd(), "-"))).toBe(false);
  });

  it("refuses a folder that does not exist in one line with exit 2", async () => {
    const { code, err } = await run([command, ...extra, "--out", join(dir, "nope", "x.out")]);
    expect(code).toBe(2);
    expect(err).toMatch(/^trunkiq-policy: cannot write ".*x\.out": ENOENT\n$/);
  });
});

describe("output failures", () => {
  it("ends quietly with exit 0 when the reader closed the pipe", async () => {
    const closed = () => {
      throw errno("EPIPE");
    };
    expect(await run(["render"], closed)).toEqual({ code: 0, out: "", err: "" });
  });

  it("exits 3 with one line when the disk is full", async () => {
    const full = () => {
      throw errno("ENOSPC");
    };
    const { code, err } = await run(["export"], full);
    expect(code).toBe(3);
    expect(err).toBe("trunkiq-policy: cannot write the output: ENOSPC: failed, write\n");
  });

  it.each(["EPIPE", "ENOSPC"])(
    "rejects with %s when a stream fails asynchronously",
    async (code) => {
      const failing = new Writable({
        write(_chunk, _encoding, done) {
          setImmediate(() => done(errno(code)));
        },
      });
      const out = streamWriter(failing, 1);
      const written = (async () => {
        for (let i = 0; i < 100; i++) await out.push("row\n");
        await out.close();
      })();
      await expect(written).rejects.toBeInstanceOf(OutputError);
      await expect(written).rejects.toMatchObject({ code });
    },
  );
});

describe("CSV cells a spreadsheet would run", () => {
  it("prefixes a quote to a cell starting with = + - @ tab, carriage return or a quote", () => {
    for (const cell of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'x"]) {
      expect(spreadsheetSafe(cell)).toBe(`'${cell}`);
    }
    for (const cell of ["", "a=1", "1", "x-1"]) expect(spreadsheetSafe(cell)).toBe(cell);
  });

  it("gives every sweep id back by dropping one leading quote from the CSV cell", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc
            .tuple(fc.constantFrom("", "=", "+", "-", "@", "\t", "\r", "'"), fc.string())
            .map(([a, b]) => a + b)
            .filter((id) => id !== ""),
          { minLength: 1, maxLength: 5 },
        ),
        async (ids) => {
          const file = join(dir, "formula.ndjson");
          writeFileSync(
            file,
            ids
              .map((id) =>
                JSON.stringify({ id, category: "call-detail-record", collectedAt: "2010-01-01" }),
              )
              .join("\n"),
          );
          const { code, out } = await run([
            "retention",
            "sweep",
            file,
            "--format",
            "csv",
            "--now",
            "2025-07-07",
          ]);
          expect(code).toBe(0);
          const cells = (parse(out) as string[][]).slice(1).map((row) => row[0] as string);
          for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
          expect(cells.map((c) => (c.startsWith("'") ? c.slice(1) : c))).toEqual(ids);
        },
      ),
      { numRuns: 30 },
    );
  });

  it("escapes the record of processing's CSV too", async () => {
    const { out } = await run(["ropa", "--format", "csv"]);
    for (const row of parse(out) as string[][]) {
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});
