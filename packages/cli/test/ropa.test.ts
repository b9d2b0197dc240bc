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
    expect(r.purposes.map((p: { id: string }) => p.id)).toEqual(Object.keys(policy.purposes));
    for (const p of r.purposes) {
      expect(p.basis).toBe(policy.purposes[p.id as keyof typeof policy.purposes].basis);
    }
    expect(r.categories.map((c: { id: string }) => c.id)).toEqual(Object.keys(policy.categories));
    expect(r.recipients.map((x: { id: string }) => x.id)).toEqual(Object.keys(policy.recipients));
    const rules = Object.values(policy.retention).flatMap((byJ) => Object.values(byJ));
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
    ]);
    for (const row of rows) expect(row).toHaveLength(4);
  });

  it("prints Markdown with a heading for each of (a) to (g)", async () => {
    const { code, stdout } = await runCli(["ropa"]);
    expect(code).toBe(0);
    for (const letter of "abcdefg") expect(stdout).toContain(`## (${letter}) `);
  });

  it("rejects an unknown format listing the allowed ones and exits 2", async () => {
    const { code, stderr } = await runCli(["ropa", "--format", "xml"]);
    expect(code).toBe(2);
    expect(stderr).toContain("markdown, csv, json");
  });
});
