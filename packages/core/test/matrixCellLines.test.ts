import { describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { type MatrixCell, matrixCellLines, policyMatrix } from "../src";
import { definePolicy } from "../src/schemas";
import { declarationWith, REMOVE } from "./support/declarationWith";

const m = policyMatrix(examplePolicy);
const cell = (table: "uses" | "shares", row: string, column: string) =>
  m[table][row]?.[column] as MatrixCell;

describe("matrixCellLines", () => {
  it("gives no lines for a pair no context allows", () => {
    expect(matrixCellLines(examplePolicy, cell("uses", "tax-filing", "email"))).toEqual([]);
    expect(matrixCellLines(examplePolicy, cell("shares", "email", "ad-network"))).toEqual([]);
  });

  it("names the basis with its GDPR article, then the conditions that must hold", () => {
    expect(matrixCellLines(examplePolicy, cell("uses", "newsletter", "email"))).toEqual([
      "consent (Art. 6(1)(a))",
      "when consent",
    ]);
  });

  it("lists exceptions, conditional prohibitions with their ids, and obligations", () => {
    expect(matrixCellLines(examplePolicy, cell("shares", "order", "police"))).toEqual([
      "legal-obligation (Art. 6(1)(c))",
      "when subpoena",
      "not when sale (no-sale)",
      "must notify-customer",
    ]);
    const lines = matrixCellLines(examplePolicy, cell("uses", "newsletter", "order"));
    expect(lines[0]).toBe("consent (Art. 6(1)(a))");
    expect(lines).toContain("unless by-phone");
  });

  it("names a basis without a GDPR article by its id alone", () => {
    const plain = definePolicy(declarationWith({ "bases.consent.gdpr": REMOVE }) as never);
    const lines = matrixCellLines(plain, policyMatrix(plain).uses.newsletter?.email as MatrixCell);
    expect(lines[0]).toBe("consent");
  });
});
