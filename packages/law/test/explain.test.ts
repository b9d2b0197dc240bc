import { definePolicy } from "@trunkiq/policy-core/schemas";
import { describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { createAgeGate, createRightsGuards, createTransferGuard, explain } from "../src";

const at = new Date("2025-07-07T00:00:00Z");

describe("explain for the guards built beside the engine", () => {
  const now = new Date("2030-01-01T00:00:00Z");
  const shop = definePolicy({
    ...examplePolicy,
    rights: {
      ...examplePolicy.rights,
      erasure: { section: "§9", text: "erasure", gdpr: "Art. 17" },
    },
  });
  const { canExercise } = createRightsGuards(shop, { directMarketing: ["newsletter"] });
  const { canCollect } = createAgeGate(examplePolicy, {
    minimumAge: 13,
    law: "COPPA",
    section: "§10",
    text: "not for children under 13",
  });
  const { canTransfer } = createTransferGuard(examplePolicy, {
    section: "§8",
    text: "We protect data leaving Switzerland.",
    notCountries: {},
    regions: {
      switzerland: {
        section: "§8",
        text: "Swiss exports",
        members: ["CH"],
        adequate: {},
        mechanisms: {
          scc: { law: "FADP Art. 16(2)(d)", obligation: { id: "apply-scc", message: "sign SCCs" } },
        },
      },
    },
  });

  it("renders a right with the date until which it yields", () => {
    const ended = new Date("2029-01-01T00:00:00Z");
    const text = explain(canExercise("erasure", "order", { relationshipEndedAt: ended, now }));
    expect(text.split("\n")[0]).toMatch(
      /^DENIED: erasure of "order" \(us\), until \d{4}-\d\d-\d\dT00:00:00\.000Z$/,
    );
    expect(explain(canExercise("access", "email", { now })).split("\n")[0]).toBe(
      'ALLOWED: access of "email" (us)',
    );
  });

  it("renders an age decision with the age used, or says it is unknown", () => {
    expect(explain(canCollect({ age: 12 })).split("\n")[0]).toBe(
      "DENIED: collecting personal data from someone aged 12",
    );
    expect(explain(canCollect({ age: 30 })).split("\n")[0]).toBe(
      "ALLOWED: collecting personal data from someone aged 30",
    );
    expect(explain(canCollect({})).split("\n")[0]).toBe(
      "DENIED: collecting personal data from someone aged unknown",
    );
  });

  it("renders a transfer with its safeguard and the obligation it brings", () => {
    expect(explain(canTransfer("email", { at, from: "CH", to: "IN", mechanism: "scc" }))).toBe(
      [
        'ALLOWED: transfer of "email" from CH to IN under scc',
        '  - CH → IN leaves the switzerland under "scc" (FADP Art. 16(2)(d)) [§8: "Swiss exports"]',
        "  must: apply-scc: sign SCCs [§8]",
        "  policy example-shop-privacy@2024-01-31",
      ].join("\n"),
    );
    expect(explain(canTransfer("email", { at, from: "CH", to: "IN" })).split("\n")[0]).toBe(
      'DENIED: transfer of "email" from CH to IN',
    );
  });
});
