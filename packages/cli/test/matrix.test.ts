import {
  type MatrixCell,
  matrixCellLines,
  type PolicyDeclaration,
  policyMatrix,
  renderPolicyMatrix,
} from "@trunkiq/policy-core";
import { canShare, canUse, policy as typedPolicy } from "@trunkiq/privacy-policy";
import { describe, expect, it } from "vitest";
import { runCli } from "./support/runCli";

// Read as the general declaration shape, as the CLI does.
const policy: PolicyDeclaration = typedPolicy;

const purposes = Object.keys(policy.purposes);
const categories = Object.keys(policy.categories);
const recipients = Object.keys(policy.recipients);

// A pair is granted in some context exactly when a rule exists and no unconditional prohibition matches.
const flagsOn = (q: "use" | "share") =>
  Object.fromEntries(
    Object.entries(policy.contextFields)
      .filter(([, f]) => f.appliesTo.includes(q) && f.kind === "flag")
      .map(([k]) => [k, true]),
  );

describe("matrix", () => {
  it("gives a cell to exactly the pairs the guards can allow, with JSON output", async () => {
    const { code, stdout } = await runCli(["matrix", "--json"]);
    expect(code).toBe(0);
    const m = JSON.parse(stdout);
    expect(m.purposes).toEqual(purposes);
    expect(m.categories).toEqual(categories);
    expect(m.recipients).toEqual(recipients);
    for (const p of purposes) {
      for (const c of categories) {
        const cell = m.use[p][c];
        const rule = (policy.purposes as Record<string, { uses: Record<string, unknown> }>)[p]
          ?.uses[c];
        if (!rule) expect(cell).toBeNull();
        if (cell === null) {
          // No context at all can make a blank cell allowed.
          expect(canUse(p as never, c as never).allowed).toBe(false);
          expect(
            canUse(p as never, c as never, { ...flagsOn("use"), storage: "transient" } as never)
              .allowed,
          ).toBe(false);
          expect(
            canUse(p as never, c as never, { ...flagsOn("use"), storage: "stored" } as never)
              .allowed,
          ).toBe(false);
        } else if (cell.when.length === 0 && cell.unless.length === 0) {
          // A pair whose answer differs by jurisdiction is asked where its rule holds as declared.
          const differs = Object.keys(cell.jurisdictions).length > 0;
          const plain = policy.jurisdictions.find((j) => !Object.hasOwn(cell.jurisdictions, j));
          const context = differs ? ({ jurisdiction: plain } as never) : undefined;
          expect(canUse(p as never, c as never, context as never).allowed).toBe(true);
        }
      }
    }
    for (const c of categories) {
      for (const r of recipients) {
        const cell = m.share[c][r];
        if (cell === null) {
          expect(
            canShare(c as never, r as never, { ...flagsOn("share"), sale: false } as never).allowed,
          ).toBe(false);
        } else if (cell.when.length === 0 && cell.unless.length === 0) {
          // A pair whose answer differs by jurisdiction is allowed in some jurisdiction.
          const contexts =
            Object.keys(cell.jurisdictions).length > 0
              ? policy.jurisdictions.map((jurisdiction) => ({ jurisdiction }))
              : [undefined];
          expect(
            contexts.some((context) => canShare(c as never, r as never, context as never).allowed),
            `${c} → ${r}`,
          ).toBe(true);
        }
      }
    }
  });

  it("leaves a recipient under an unconditional prohibition without any cell", async () => {
    const m = JSON.parse((await runCli(["matrix", "--json"])).stdout);
    const banned = Object.values(policy.prohibitions).flatMap((p) =>
      "share" in p && p.share && !p.when && p.share.recipients ? p.share.recipients : [],
    );
    expect(banned.length).toBeGreaterThan(0);
    for (const r of banned) for (const c of categories) expect(m.share[c][r]).toBeNull();
  });

  it("prints the Markdown matrix core renders, the one docs/policy-matrix.md is", async () => {
    const { code, stdout } = await runCli(["matrix", "--markdown"]);
    expect(code).toBe(0);
    expect(stdout).toBe(renderPolicyMatrix(policy));
  });

  it("words the terminal cells as the Markdown matrix does", async () => {
    const { stdout } = await runCli(["matrix"]);
    const m = policyMatrix(policy);
    for (const p of purposes) {
      for (const c of categories) {
        for (const line of matrixCellLines(policy, m.uses[p]?.[c] as MatrixCell)) {
          expect(stdout).toContain(line);
        }
      }
    }
    expect(stdout).toContain("when consent");
  });

  it("prints terminal tables without colour codes when NO_COLOR is set", async () => {
    const { code, stdout } = await runCli(["matrix"]);
    expect(code).toBe(0);
    expect(stdout).not.toContain("\u001b[");
    for (const p of purposes) expect(stdout).toContain(p);
  });

  it("splits the terminal tables to fit --width, keeping every column and row", async () => {
    const whole = (await runCli(["matrix"])).stdout;
    const { code, stdout } = await runCli(["matrix", "--width", "100"]);
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(Math.max(...whole.split("\n").map((l) => l.length))).toBeGreaterThan(100);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100);
    const headers = lines.filter((l) => l.includes("purpose \\ category"));
    expect(headers.length).toBeGreaterThan(1);
    for (const c of categories) expect(headers.some((h) => h.includes(` ${c} `))).toBe(true);
    // Every table repeats the row headers, and the cells say the same as in one wide table (a
    // long line wraps at a space, so the words are compared).
    const rowsOf = (p: string, text: string) =>
      text.split("\n").filter((l) => l.startsWith(`│ ${p} `)).length;
    for (const p of purposes) expect(rowsOf(p, stdout)).toBe(headers.length * rowsOf(p, whole));
    const cells = (text: string) =>
      text
        .split("\n")
        .flatMap((l) => l.split("│").slice(2))
        .flatMap((cell) => cell.trim().split(/\s+/))
        .filter((word) => word !== "")
        .sort();
    expect(cells(stdout)).toEqual(cells(whole));
  });

  it.each(["39", "wide", "100.5", "-100"])("refuses --width %s and exits 2", async (width) => {
    const { code, stderr } = await runCli(["matrix", "--width", width]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `trunkiq-policy: --width must be a whole number of columns, at least 40, got "${width}"\n`,
    );
  });

  it("refuses --markdown together with --json and exits 2", async () => {
    const { code, stderr } = await runCli(["matrix", "--markdown", "--json"]);
    expect(code).toBe(2);
    expect(stderr).toBe("trunkiq-policy: choose one of --markdown and --json\n");
  });
});
