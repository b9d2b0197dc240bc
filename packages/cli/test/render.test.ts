import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { policy } from "@trunkiq/privacy-policy";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "./support/runCli";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const policyText = readFileSync(
  join(import.meta.dirname, "../../privacy-policy/policy-text/privacy-policy-2025-07-07.txt"),
  "utf8",
);

describe("render", () => {
  it("prints every declared text under the section it cites", async () => {
    const { code, stdout } = await runCli(["render"]);
    expect(code).toBe(0);
    for (const [id, c] of Object.entries(policy.categories)) {
      const heading = stdout.indexOf(`## ${c.section}\n`);
      expect(heading).toBeGreaterThanOrEqual(0);
      expect(stdout.indexOf(`- category ${id}: "${c.text}"`)).toBeGreaterThan(heading);
    }
    for (const [id, p] of Object.entries(policy.purposes)) {
      expect(stdout).toContain(`- purpose ${id}: "${p.text}"`);
    }
  });

  it("writes the same text to --out", async () => {
    const out = join(dir, "policy.md");
    const { code, stdout } = await runCli(["render", "--out", out]);
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(readFileSync(out, "utf8")).toBe((await runCli(["render"])).stdout);
  });
});

describe("check-drift", () => {
  it("reads the policy text the policy package ships when none is given", async () => {
    const { code, stdout } = await runCli(["check-drift", "--json"], { cwd: dir });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).policyText).toMatch(
      /privacy-policy[/\\]policy-text[/\\]privacy-policy-2025-07-07\.txt$/,
    );
  });

  it("reports a numbered section of the text that no declaration cites and exits 1", async () => {
    const file = join(dir, "extra-section.txt");
    writeFileSync(
      file,
      `${policyText}\n13. Automated Decisions\nWe do not make automated decisions.\n`,
    );
    const { code, stdout } = await runCli(["check-drift", "--policy-text", file]);
    expect(code).toBe(1);
    expect(stdout).toContain("uncited: §13 has no declaration citing it");
    expect(stdout).toContain("DRIFT");
  });

  it("reports a cited section the text lacks and exits 1", async () => {
    const file = join(dir, "no-2c.txt");
    writeFileSync(file, policyText.replace(/^- c\) .*$/m, ""));
    const { code, stdout } = await runCli(["check-drift", "--policy-text", file, "--json"]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.unknown.map((u: { section: string }) => u.section)).toEqual(["§2(c)"]);
  });

  it("accepts a text whose every normative section is cited and exits 0", async () => {
    // Drop the numbered sections the declaration does not cite; what is left has no drift.
    const first = await runCli(["check-drift", "--json"]);
    const uncited: string[] = JSON.parse(first.stdout).uncited;
    const kept = policyText
      .split(/\n(?=\d+\. )/)
      .filter((block) => !uncited.includes(`§${/^(\d+)\./.exec(block)?.[1]}`))
      .join("\n");
    const file = join(dir, "cited-only.txt");
    writeFileSync(file, kept);
    const { code, stdout } = await runCli(["check-drift", "--policy-text", file]);
    expect(stdout).toContain("no drift");
    expect(code).toBe(0);
  });

  it("finds every section of the TrunkIQ text cited, §1 (the introduction) excepted", async () => {
    const { code, stdout } = await runCli(["check-drift", "--json"]);
    const report = JSON.parse(stdout);
    expect(report.uncited).toEqual([]);
    expect(report.drift).toBe(false);
    expect(code).toBe(0);
  });

  it("says so in one line when the policy text cannot be read and exits 2", async () => {
    const { code, stderr } = await runCli([
      "check-drift",
      "--policy-text",
      join(dir, "missing.txt"),
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^trunkiq-policy: cannot read the policy text .*missing\.txt"\n$/);
  });
});
