import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { policy } from "@trunkiq/privacy-policy";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { PolicyExportSchema } from "../src/declarationSchema";
import { runCli, tempDir } from "./support/runCli";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const exported = async () => {
  const file = join(dir, "old.json");
  expect((await runCli(["export", "--out", file, "--force"])).code).toBe(0);
  return { file, doc: JSON.parse(readFileSync(file, "utf8")) };
};

// The exported policy as plain JSON, edited freely to make a next version.
type PolicyJson = ReturnType<typeof JSON.parse>;
const variant = async (name: string, edit: (p: PolicyJson) => void) => {
  const { doc } = await exported();
  edit(doc.policy);
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(doc));
  return file;
};

describe("export", () => {
  it("prints the whole declaration in a versioned envelope", async () => {
    const { code, stdout } = await runCli(["export"]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.format).toBe("trunkiq-policy/1");
    expect(typeof doc.$schema).toBe("string");
    expect(doc.policy).toEqual(JSON.parse(JSON.stringify(policy)));
  });

  it("prints a JSON Schema that the export satisfies", async () => {
    const { code, stdout } = await runCli(["export", "--schema"]);
    expect(code).toBe(0);
    const schema = JSON.parse(stdout);
    expect(schema.$id).toBe(JSON.parse((await runCli(["export"])).stdout).$schema);
    expect(schema.properties.format.const).toBe("trunkiq-policy/1");
    const fromSchema = z.fromJSONSchema(schema);
    expect(fromSchema.safeParse((await exported()).doc).success).toBe(true);
    expect(PolicyExportSchema.safeParse((await exported()).doc).success).toBe(true);
  });
});

describe("diff", () => {
  it("finds no change between a version and itself and exits 0", async () => {
    const { file } = await exported();
    const { code, stdout } = await runCli(["diff", file, file]);
    expect(code).toBe(0);
    expect(stdout).toBe("0 widening, 0 narrowing, 0 neutral\n");
  });

  it("classes a new purpose and a new category use as widening and exits 1", async () => {
    const { file } = await exported();
    const next = await variant("new-purpose", (p) => {
      p.purposes.profiling = { ...p.purposes.marketing, uses: { account: {} } };
      p.purposes.marketing.uses["ip-address"] = {};
    });
    const { code, stdout } = await runCli(["diff", file, next, "--json"]);
    expect(code).toBe(1);
    const { changes } = JSON.parse(stdout);
    expect(changes).toContainEqual({
      kind: "widening",
      what: "purposes",
      detail: "purpose profiling added",
    });
    expect(changes).toContainEqual(
      expect.objectContaining({ kind: "widening", what: "use marketing → ip-address" }),
    );
  });

  it("classes a removed condition, a removed prohibition and a longer retention as widening", async () => {
    const { file } = await exported();
    const next = await variant("looser", (p) => {
      delete p.purposes.marketing.uses.account.when;
      delete p.prohibitions["no-sale"];
      p.retention["call-detail-record"].us.period = { years: 10 };
    });
    const { changes } = JSON.parse((await runCli(["diff", file, next, "--json"])).stdout);
    const kinds = (what: string) =>
      changes.filter((c: { what: string }) => c.what === what).map((c: { kind: string }) => c.kind);
    expect(kinds("use marketing → account")).toEqual(["widening"]);
    // A removed prohibition widens the questions it used to deny, each reported by its pair.
    const noSale = changes.find((c: { what: string }) => c.what === "share account → authority");
    expect(noSale?.kind).toBe("widening");
    expect(kinds("retention call-detail-record (us)")).toEqual(["widening"]);
  });

  it("reports the questions a redefined condition widens, with their context and outcomes", async () => {
    const { file } = await exported();
    // The consent condition now reads storage: marketing no longer needs consent.
    const next = await variant("consent-redefined", (p) => {
      p.conditions.consent.field = "storage";
      p.conditions.consent.equals = "stored";
    });
    const { code, stdout } = await runCli(["diff", file, next, "--json"]);
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    const marketing = out.changes.find(
      (c: { kind: string; what: string }) =>
        c.kind === "widening" && c.what === "use marketing → account",
    );
    expect(marketing.questions).toContainEqual({
      question: "use",
      purpose: "marketing",
      category: "account",
      context: { consent: false, storage: "stored" },
      omitted: [],
      before: {
        allowed: false,
        basis: null,
        reasons: ["condition-unmet"],
        obligations: [],
      },
      after: {
        allowed: true,
        basis: "consent",
        reasons: ["permitted"],
        obligations: ["honour-opt-out"],
      },
    });
    expect(out.questions.widened).toBeGreaterThan(0);
  });

  it.each([
    [
      "flips the equals of a condition",
      (p: PolicyJson) => {
        p.conditions.consent.equals = false;
      },
      "use marketing → account",
    ],
    [
      "changes a context field's default",
      (p: PolicyJson) => {
        p.contextFields.storage.default = "transient";
      },
      "use call-routing → communication-content",
    ],
    [
      "adds an exception lifting an obligation",
      (p: PolicyJson) => {
        const rule = p.recipients.authority.receives.account;
        rule.obligations = [
          { id: "notify-customer", unless: ["disclosure-prohibited", "reaches-records"] },
        ];
      },
      "share account → authority",
    ],
    [
      "raises a retention maximum",
      (p: PolicyJson) => {
        p.retention["ip-address"].eea.maximum = { months: 24 };
      },
      "retention ip-address (eea)",
    ],
  ])("exits 1 for a version that %s", async (_, edit, what) => {
    const { file } = await exported();
    const next = await variant(what.replace(/\W+/g, "-"), edit);
    const { code, stdout } = await runCli(["diff", file, next, "--json"]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).changes).toContainEqual(
      expect.objectContaining({ kind: "widening", what }),
    );
  });

  it("prints each widened question under its change, with its context and both outcomes", async () => {
    const { file } = await exported();
    const next = await variant("equals-text", (p) => {
      p.conditions.consent.equals = false;
    });
    const { code, stdout } = await runCli(["diff", file, next]);
    expect(code).toBe(1);
    expect(stdout).toContain(
      "widening   use marketing → account: allowed where denied in 1 of 2 contexts\n" +
        "             consent=false: denied (condition-unmet) → allowed on consent [honour-opt-out]\n" +
        "narrowing  use marketing → account: denied where allowed in 1 of 2 contexts\n" +
        "             consent=true: allowed on consent [honour-opt-out] → denied (condition-unmet)\n",
    );
    expect(stdout).toMatch(/questions widened, \d+ narrowed\)\n$/);
  });

  it("rejects an export whose references do not hold in one line and exits 2", async () => {
    const { file } = await exported();
    const broken = await variant("broken", (p) => {
      p.purposes.marketing.uses.account.when = ["telepathy"];
    });
    const { code, stderr } = await runCli(["diff", file, broken]);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /is not a consistent policy: purposes\.marketing\.uses\.account\.when\.0: unknown condition "telepathy"/,
    );
  });

  it("classes the reverse changes as narrowing and exits 0", async () => {
    const { file } = await exported();
    const looser = await variant("looser2", (p) => {
      delete p.purposes.marketing.uses.account.when;
      p.retention["call-detail-record"].us.period = { years: 10 };
      p.recipients.newsroom = { ...p.recipients["analytics-vendor"] };
    });
    const { code, stdout } = await runCli(["diff", looser, file, "--json"]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.widening).toBe(0);
    expect(out.narrowing).toBeGreaterThanOrEqual(3);
  });

  it("rejects a file that is not a policy export in one line and exits 2", async () => {
    const { file } = await exported();
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{ not json");
    const { code, stdout, stderr } = await runCli(["diff", file, bad]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(`trunkiq-policy: ${JSON.stringify(bad)} is not valid JSON\n`);
  });
});
