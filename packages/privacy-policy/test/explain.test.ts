import { describe, expect, it } from "vitest";
import { canCollect, canExercise, canTransfer, explain } from "../src";

const at = new Date("2025-07-07T00:00:00Z");

describe("explain for rights, collection and transfers", () => {
  it("renders every kind of decision with its reasons and version", () => {
    const right = explain(
      canExercise("erasure", "payment-transaction", {
        relationshipEndedAt: new Date("2025-03-31T00:00:00Z"),
      }),
    );
    expect(right).toMatch(
      /^DENIED: erasure of "payment-transaction" \(us\), until 2032-04-01T00:00:00\.000Z/,
    );
    expect(explain(canCollect({ age: 15 }))).toMatch(
      /^DENIED: collecting personal data from someone aged 15\n.*§10/,
    );
    const transfer = explain(
      canTransfer("account", { at, from: "DE", to: "IN", mechanism: "scc" }),
    );
    expect(transfer).toMatch(/^ALLOWED: transfer of "account" from DE to IN under scc/);
    for (const text of [right, transfer])
      expect(text).toContain("policy trunkiq-privacy-policy@2025-07-07");
  });
});
