import { afterEach, describe, expect, it, vi } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { main } from "../src/main";
import { policyKit } from "../src/PolicyKit";
import { runCli } from "./support/runCli";

// Each test starts the built binary; on a busy machine that can take seconds.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

describe("trunkiq-policy", () => {
  it("documents every command and the exit codes in --help", () => {
    const { code, stdout } = runCli(["--help"]);
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

  it("has --help on every command", () => {
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
      const { code, stdout } = runCli([...args, "--help"]);
      expect(code).toBe(0);
      expect(stdout).toMatch(/Exit codes: /);
    }
  });

  it("rejects an unknown command in one line and exits 2", () => {
    const { code, stdout, stderr } = runCli(["martix"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe("error: unknown command 'martix' (Did you mean matrix?)\n");
  });

  it("exits 2 when a command group is called without a subcommand", () => {
    expect(runCli(["explain"]).code).toBe(2);
  });
});

describe("main", () => {
  afterEach(() => vi.restoreAllMocks());
  const capture = () => {
    let out = "";
    let err = "";
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      err += String(chunk);
      return true;
    });
    return () => ({ out, err });
  };
  const kit = policyKit(examplePolicy, {});

  it("answers from any declaration it is given, with flags from that declaration's context fields", async () => {
    const read = capture();
    expect(
      await main(["explain", "use", "newsletter", "order", "--consent", "--channel", "phone"], {
        kit,
      }),
    ).toBe(1);
    expect(await main(["explain", "use", "newsletter", "order", "--consent"], { kit })).toBe(0);
    expect(read().out).toContain('ALLOWED: use of "order" for "newsletter"');
  });

  it("lists the given declaration's ids in the error for a bad argument", async () => {
    const read = capture();
    expect(await main(["explain", "share", "email", "milkman"], { kit })).toBe(2);
    expect(read().err).toContain("courier, police, ad-network");
  });

  it("blanks a cell under an unconditional prohibition in the matrix", async () => {
    const read = capture();
    expect(await main(["matrix", "--json"], { kit })).toBe(0);
    const m = JSON.parse(read().out);
    expect(m.share.email["ad-network"]).toBeNull();
    expect(m.use["tax-filing"].card).toBeNull();
    expect(m.use.newsletter.order).toMatchObject({ when: ["consent"], unless: ["by-phone"] });
  });

  it("turns an unexpected failure into one line and exit 2", async () => {
    const read = capture();
    const broken = {
      ...kit,
      canUse: () => {
        throw new Error("boom");
      },
    };
    expect(await main(["explain", "use", "newsletter", "email"], { kit: broken })).toBe(2);
    expect(read().err).toBe("trunkiq-policy: boom\n");
  });
});
