import { describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { createPolicyKit } from "../src/PolicyKit";
import { runCli } from "./support/runCli";

describe("trunkiq-policy", () => {
  it("documents every command and the exit codes in --help", async () => {
    const { code, stdout } = await runCli(["--help"]);
    expect(code).toBe(0);
    for (const c of [
      "matrix",
      "explain",
      "ropa",
      "render",
      "check-drift",
      "export",
      "diff",
      "retention",
    ]) {
      expect(stdout).toContain(c);
    }
    expect(stdout).toContain(
      "Exit codes: 0 allowed / ok (also when the reader closes the pipe early), 1 denied / drift / widening change, 2 bad input, 3 output not written (disk full, …).",
    );
  });

  it("has --help on every command", async () => {
    for (const args of [
      ["matrix"],
      ["explain", "use"],
      ["explain", "share"],
      ["explain", "retention"],
      ["explain", "right"],
      ["ropa"],
      ["render"],
      ["check-drift"],
      ["export"],
      ["diff"],
      ["retention", "sweep"],
    ]) {
      const { code, stdout } = await runCli([...args, "--help"]);
      expect(code).toBe(0);
      expect(stdout).toMatch(/Exit codes: /);
    }
  });

  it("rejects an unknown command in one line and exits 2", async () => {
    const { code, stdout, stderr } = await runCli(["martix"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe("error: unknown command 'martix' (Did you mean matrix?)\n");
  });

  it("exits 2 when a command group is called without a subcommand", async () => {
    expect((await runCli(["explain"])).code).toBe(2);
  });
});

describe("main", () => {
  const kit = createPolicyKit(examplePolicy, {});

  it("answers from any declaration it is given, with flags from that declaration's context fields", async () => {
    const denied = await runCli(
      ["explain", "use", "newsletter", "order", "--consent", "--channel", "phone"],
      { kit },
    );
    expect(denied.code).toBe(1);
    const allowed = await runCli(["explain", "use", "newsletter", "order", "--consent"], { kit });
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('ALLOWED: "newsletter" using "order"');
  });

  it("lists the given declaration's ids in the error for a bad argument", async () => {
    const { code, stderr } = await runCli(["explain", "share", "email", "milkman"], { kit });
    expect(code).toBe(2);
    expect(stderr).toContain("courier, police, ad-network");
  });

  it("blanks a cell under an unconditional prohibition in the matrix", async () => {
    const { code, stdout } = await runCli(["matrix", "--json"], { kit });
    expect(code).toBe(0);
    const m = JSON.parse(stdout);
    expect(m.share.email["ad-network"]).toBeNull();
    expect(m.use["tax-filing"].card).toBeNull();
    expect(m.use.newsletter.order).toMatchObject({ when: ["consent"], unless: ["by-phone"] });
  });

  it("turns an unexpected failure into one line and exit 2", async () => {
    const broken = {
      ...kit,
      canUse: () => {
        throw new Error("boom");
      },
    };
    expect(await runCli(["explain", "use", "newsletter", "email"], { kit: broken })).toEqual({
      code: 2,
      stdout: "",
      stderr: "trunkiq-policy: boom\n",
    });
  });
});
