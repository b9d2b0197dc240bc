import { policy } from "@trunkiq/privacy-policy";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { runCli } from "./support/runCli";

describe("ropa", () => {
  it("lists every Art. 30(1) item from the declaration as JSON", async () => {
    const { code, stdout, stderr } = await runCli(["ropa", "--format", "json"]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const r = JSON.parse(stdout);
    expect(r.controller.name).toBe("TrunkIQ LLC");
    expect(r.controller.address.join(", ")).toContain(
      "125 Park Avenue, 25th Floor, New York, NY 10017",
    );
    // Call recording processes only the customers' content: it is theirs, not TrunkIQ's purpose.
    expect(r.purposes.map((p: { id: string }) => p.id)).toEqual(
      Object.keys(policy.purposes).filter((p) => p !== "call-recording"),
    );
    for (const p of r.purposes) {
      expect(p.basis).toBe(policy.purposes[p.id as keyof typeof policy.purposes].basis);
    }
    expect(r.categories.map((c: { id: string }) => c.id)).toEqual(
      Object.keys(policy.categories).filter((c) => c !== "communication-content"),
    );
    expect(r.recipients.map((x: { id: string }) => x.id)).toEqual(Object.keys(policy.recipients));
    const rules = Object.entries(policy.retention)
      .filter(([category]) => category !== "communication-content")
      .flatMap(([, byJ]) => Object.values(byJ));
    expect(r.erasure).toHaveLength(rules.length);
    expect(r.transfers.section).toBe("§8");
    expect(r.transfers.safeguards.join(" ")).toContain("Standard Contractual Clauses");
    expect(r.security.section).toBe("§6");
    expect(r.security.measures).toEqual([
      "encryption",
      "access controls",
      "secure network architecture",
    ]);
  });

  it("§5 lists communication content in a processor record (Art. 30(2)), apart from the controller's", async () => {
    const r = JSON.parse((await runCli(["ropa", "--json"])).stdout);
    const mentions = (list: { categories: string[] }[]) =>
      list.filter((x) => x.categories.includes("communication-content"));
    expect(mentions(r.purposes)).toEqual([]);
    expect(mentions(r.recipients)).toEqual([]);
    expect(r.processor.name).toBe("TrunkIQ LLC");
    expect(r.processor.controllersSection).toBe("§5");
    expect(r.processor.activities).toHaveLength(1);
    const content = r.processor.activities[0];
    expect(content).toMatchObject({ category: "communication-content", section: "§2(c)" });
    expect(content.processing).toEqual(["call-routing", "call-recording", "lawful-request"]);
    expect(content.recipients).toEqual(expect.arrayContaining(["upstream-carrier", "authority"]));
    expect(content.erasure.map((e: { jurisdiction: string }) => e.jurisdiction)).toEqual(
      Object.keys(policy.retention["communication-content"]),
    );
  });

  it("writes the erasure time limits in words per category and jurisdiction", async () => {
    const r = JSON.parse((await runCli(["ropa", "--json"])).stdout);
    const cdrUs = r.erasure.find(
      (e: { category: string; jurisdiction: string }) =>
        e.category === "call-detail-record" && e.jurisdiction === "us",
    );
    const rule = policy.retention["call-detail-record"].us;
    expect(cdrUs.law).toBe(rule.law);
    expect(cdrUs.limit).toMatch(
      rule.anchor === "collection" ? / from collection$/ : / from the end of the relationship$/,
    );
  });

  it("prints well-formed CSV with one row per item", async () => {
    const { code, stdout } = await runCli(["ropa", "--format", "csv"]);
    expect(code).toBe(0);
    const rows: string[][] = parse(stdout);
    expect(rows[0]).toEqual(["article", "item", "detail", "section"]);
    const articles = new Set(rows.slice(1).map((row) => row[0]));
    expect([...articles]).toEqual([
      "30(1)(a)",
      "30(1)(b)",
      "30(1)(c)",
      "30(1)(d)",
      "30(1)(e)",
      "30(1)(f)",
      "30(1)(g)",
      "30(2)(a)",
      "30(2)(b)",
      "30(2)(c)",
      "30(2)(d)",
    ]);
    for (const row of rows) expect(row).toHaveLength(4);
  });

  it("prints Markdown with the controller's record, (a) to (g), then the processor's, (a) to (d)", async () => {
    const { code, stdout } = await runCli(["ropa"]);
    expect(code).toBe(0);
    const [controller, processor] = stdout.split("## Record as processor (GDPR Art. 30(2))");
    expect(controller).toContain("## Record as controller (GDPR Art. 30(1))");
    for (const letter of "abcdefg") expect(controller).toContain(`### (${letter}) `);
    for (const letter of "abcd") expect(processor).toContain(`### (${letter}) `);
    expect(processor).toContain("| communication-content |");
    expect(controller).not.toContain("communication-content");
  });

  it("rejects an unknown format listing the allowed ones and exits 2", async () => {
    const { code, stderr } = await runCli(["ropa", "--format", "xml"]);
    expect(code).toBe(2);
    expect(stderr).toContain("markdown, csv, json");
  });
});
