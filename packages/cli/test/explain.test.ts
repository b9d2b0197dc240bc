import type { PolicyDeclaration } from "@trunkiq/policy-core";
import {
  canExercise,
  canShare,
  canUse,
  explain,
  retentionFor,
  policy as typedPolicy,
} from "@trunkiq/privacy-policy";
import { describe, expect, it } from "vitest";
import { runCli } from "./support/runCli";

// Read as the general declaration shape, as the CLI does.
const policy: PolicyDeclaration = typedPolicy;

const purposes = Object.keys(policy.purposes);
const categories = Object.keys(policy.categories);

describe("explain use", () => {
  it("explains an allowed use with its basis, reasons, sections and obligations and exits 0", async () => {
    const decision = canUse("marketing", "account", { consent: true });
    expect(decision.allowed).toBe(true);
    const { code, stdout, stderr } = await runCli([
      "explain",
      "use",
      "marketing",
      "account",
      "--consent",
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/^ALLOWED: /);
    expect(stdout).toContain(`basis: ${decision.basis}`);
    for (const r of decision.reasons) expect(stdout).toContain(`[${r.section}: "${r.text}"]`);
    expect(decision.obligations.length).toBeGreaterThan(0);
    for (const o of decision.obligations) expect(stdout).toContain(`must: ${o.id}`);
  });

  it("denies marketing without consent, cites the section and exits 1", async () => {
    const decision = canUse("marketing", "account");
    const { code, stdout } = await runCli(["explain", "use", "marketing", "account"]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^DENIED: /);
    for (const r of decision.reasons) expect(stdout).toContain(`${r.section}: "${r.text}"`);
  });

  it("prints the decision itself with --json", async () => {
    const { code, stdout } = await runCli(["explain", "use", "marketing", "account", "--json"]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(canUse("marketing", "account"))));
  });

  it("offers one flag per context field the use question reads, named in kebab case", async () => {
    const { code, stdout } = await runCli(["explain", "use", "--help"]);
    expect(code).toBe(0);
    for (const [field, spec] of Object.entries(policy.contextFields)) {
      const flag = `--${field.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase()}`;
      if (spec.appliesTo.includes("use")) expect(stdout).toContain(flag);
    }
    expect(stdout).toContain("--jurisdiction");
    expect(stdout).toMatch(/Exit codes: 0 allowed, 1 denied, 2 bad input/);
  });

  it("passes a choice field through to the guard", async () => {
    const ctx = { storage: "transient" as const };
    const expected = canUse("payment-processing", "payment-card", ctx);
    const { code, stdout } = await runCli([
      "explain",
      "use",
      "payment-processing",
      "payment-card",
      "--storage",
      "transient",
      "--json",
    ]);
    expect(JSON.parse(stdout).allowed).toBe(expected.allowed);
    expect(code).toBe(expected.allowed ? 0 : 1);
  });

  it("rejects an unknown purpose in one line listing every declared purpose and exits 2", async () => {
    const { code, stdout, stderr } = await runCli(["explain", "use", "advertising", "account"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain(purposes.join(", "));
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("rejects a bad choice value listing the declared values and exits 2", async () => {
    const { code, stderr } = await runCli([
      "explain",
      "use",
      "call-routing",
      categories[0] ?? "",
      "--storage",
      "forever",
    ]);
    expect(code).toBe(2);
    const storage = policy.contextFields.storage;
    if (!storage) throw new Error("the policy declares storage");
    if (storage.kind !== "choice") throw new Error("storage is a choice field");
    for (const v of storage.values) expect(stderr).toContain(v);
  });
});

describe("explain share", () => {
  it("allows a disclosure under legal process with its notice obligation", async () => {
    const ctx = { legalProcess: true, jurisdiction: "us" } as const;
    const expected = canShare("account", "authority", ctx);
    const { code, stdout } = await runCli([
      "explain",
      "share",
      "account",
      "authority",
      "--legal-process",
      "--jurisdiction",
      "us",
    ]);
    expect(code).toBe(expected.allowed ? 0 : 1);
    for (const o of expected.obligations) expect(stdout).toContain(`must: ${o.id}`);
  });

  it("lifts the notice when disclosure is prohibited, as the guard does", async () => {
    const ctx = { legalProcess: true, disclosureProhibited: true, jurisdiction: "us" } as const;
    const expected = canShare("account", "authority", ctx);
    const { stdout } = await runCli([
      "explain",
      "share",
      "account",
      "authority",
      "--legal-process",
      "--disclosure-prohibited",
      "--jurisdiction",
      "us",
      "--json",
    ]);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it("§4 takes the kind of legal process, and a bare --legal-process as a subpoena", async () => {
    const warrant = await runCli([
      "explain",
      "share",
      "communication-content",
      "authority",
      "--legal-process",
      "warrant",
      "--jurisdiction",
      "us",
      "--json",
    ]);
    expect(warrant.code).toBe(0);
    expect(JSON.parse(warrant.stdout)).toEqual(
      JSON.parse(
        JSON.stringify(
          canShare("communication-content", "authority", {
            legalProcess: "warrant",
            jurisdiction: "us",
          }),
        ),
      ),
    );
    const bare = await runCli([
      "explain",
      "share",
      "communication-content",
      "authority",
      "--legal-process",
      "--jurisdiction",
      "us",
    ]);
    expect(bare.code).toBe(1);
    const unknown = await runCli([
      "explain",
      "share",
      "account",
      "authority",
      "--legal-process",
      "letter",
      "--jurisdiction",
      "us",
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("court-order");
  });

  it("denies any sale and exits 1", async () => {
    const { code, stdout } = await runCli([
      "explain",
      "share",
      "account",
      "cloud-hosting",
      "--sale",
    ]);
    expect(canShare("account", "cloud-hosting", { sale: true }).allowed).toBe(false);
    expect(code).toBe(1);
    expect(stdout).toContain("We do not sell your personal information.");
  });

  it("rejects an unknown recipient listing every declared recipient and exits 2", async () => {
    const { code, stderr } = await runCli(["explain", "share", "account", "the-press"]);
    expect(code).toBe(2);
    expect(stderr).toContain(Object.keys(policy.recipients).join(", "));
  });
});

describe("explain retention", () => {
  it("explains when a record is due for deletion and exits 0 whether kept or expired", async () => {
    const ctx = {
      collectedAt: new Date("2024-01-31T00:00:00Z"),
      now: new Date("2025-07-07T00:00:00Z"),
    };
    const expected = retentionFor("call-detail-record", ctx);
    const { code, stdout } = await runCli([
      "explain",
      "retention",
      "call-detail-record",
      "--collected-at",
      "2024-01-31",
      "--now",
      "2025-07-07",
      "--json",
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it("keeps a record under legal hold", async () => {
    const { code, stdout } = await runCli([
      "explain",
      "retention",
      "call-detail-record",
      "--collected-at",
      "2000-01-01",
      "--legal-hold",
      "--now",
      "2025-07-07",
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^KEEP: /);
    expect(stdout).toContain("legal hold");
  });

  it("uses the jurisdiction's rule", async () => {
    const ctx = {
      collectedAt: new Date("2025-01-01T00:00:00Z"),
      jurisdiction: "eea" as const,
      now: new Date("2025-07-07T00:00:00Z"),
    };
    const expected = retentionFor("call-detail-record", ctx);
    const { stdout } = await runCli([
      "explain",
      "retention",
      "call-detail-record",
      "--collected-at",
      "2025-01-01",
      "--jurisdiction",
      "eea",
      "--now",
      "2025-07-07",
      "--json",
    ]);
    expect(JSON.parse(stdout).until).toBe(expected.until?.toISOString() ?? null);
  });

  it("rejects a date that is not ISO 8601 in one line and exits 2", async () => {
    const { code, stdout, stderr } = await runCli([
      "explain",
      "retention",
      "account",
      "--collected-at",
      "31/01/2024",
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      'trunkiq-policy: --collected-at must be an ISO 8601 date such as 2025-07-07 or 2025-07-07T12:00:00Z, got "31/01/2024"\n',
    );
  });

  it("requires --collected-at", async () => {
    const { code, stderr } = await runCli(["explain", "retention", "account"]);
    expect(code).toBe(2);
    expect(stderr).toContain("--collected-at");
  });
});

describe("explain right", () => {
  it("prints the rights decision, with when the data is kept until, and exits 1 when erasure yields", async () => {
    const ctx = {
      jurisdiction: "eea" as const,
      relationshipEndedAt: new Date("2025-03-31T00:00:00Z"),
      now: new Date("2025-07-07T00:00:00Z"),
    };
    const expected = canExercise("erasure", "kyc-document", ctx);
    expect(expected.allowed).toBe(false);
    const args = ["explain", "right", "erasure", "kyc-document", "--jurisdiction", "eea"];
    const dates = ["--relationship-ended-at", "2025-03-31", "--now", "2025-07-07"];
    const json = await runCli([...args, ...dates, "--json"]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    const text = await runCli([...args, ...dates]);
    // One renderer for every decision: the command prints what `explain` of the law package does.
    expect(text.stdout).toBe(`${explain(expected)}\n`);
    expect(text.stdout).toContain(`until ${expected.until?.toISOString()}`);
    for (const r of expected.reasons) expect(text.stdout).toContain(`[${r.section}: "${r.text}"]`);
    for (const o of expected.obligations) expect(text.stdout).toContain(`must: ${o.id}`);
  });

  it("exits 0 when the right can be exercised", async () => {
    expect(canExercise("access", "account").allowed).toBe(true);
    expect((await runCli(["explain", "right", "access", "account"])).code).toBe(0);
  });

  it("rejects an unknown right listing the declared rights and exits 2", async () => {
    const { code, stderr } = await runCli(["explain", "right", "flying", "account"]);
    expect(code).toBe(2);
    expect(stderr).toContain(Object.keys(policy.rights).join(", "));
  });
});
