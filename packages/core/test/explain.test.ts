import { beforeEach, describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { createGuards, explain } from "../src";

// Rebuilt before each test, so that what a test checks is built under the code it runs with.
let guards = createGuards(examplePolicy);
beforeEach(() => {
  guards = createGuards(examplePolicy);
});

describe("explain", () => {
  it("renders an allowance with its basis, reason, obligations and policy version", () => {
    expect(explain(guards.canShare("email", "police", { subpoena: true }))).toBe(
      [
        'ALLOWED: sharing "email" with "police"',
        "  basis: legal-obligation",
        '  - sharing "email" with "police" is permitted on the basis of legal-obligation [§4: "Authorities, if required by law"]',
        "  must: notify-customer: We will notify you of such requests [§4]",
        "  policy example-shop-privacy@2024-01-31",
      ].join("\n"),
    );
  });

  it("renders a denial with every reason and its section", () => {
    const text = explain(guards.canUse("newsletter", "order", { channel: "phone" }));
    expect(text.split("\n")[0]).toBe('DENIED: "newsletter" using "order"');
    expect(text).toContain('[§3: "With your consent"]');
    expect(text).toContain('[§3: "Orders placed by phone"]');
    expect(text).not.toContain("basis:");
  });

  it("renders retention decisions and cutoffs", () => {
    const now = new Date("2030-01-01T00:00:00Z");
    const kept = explain(guards.retentionFor("order", { collectedAt: now, now }));
    expect(kept).toMatch(/^KEEP: "order" \(us\), due for deletion 2037-01-02T00:00:00.000Z/);
    expect(kept).toContain("basis: legal-obligation (26 CFR 1.6001-1)");
    expect(explain(guards.retentionCutoff("order", { now, jurisdiction: "us" }))).toMatch(
      /^CUTOFF: "order" \(us\), collection before 2023-01-01T00:00:00.000Z/,
    );
  });

  it("is the same function the guards expose", () => {
    expect(guards.explain).toBe(explain);
  });
});

describe("explain for retention decisions", () => {
  const now = new Date("2030-01-01T00:00:00Z");
  it("renders a retention decision without a deletion date, and a cutoff that deletes nothing", () => {
    const held = explain(guards.retentionFor("email", { collectedAt: now, now, legalHold: true }));
    expect(held.split("\n")[0]).toBe('KEEP: "email" (us), no deletion date');
    expect(held).toContain("  basis: contract (judgement)");
    expect(held).not.toContain("must:");
    const expired = explain(
      guards.retentionFor("card", { collectedAt: new Date("2020-01-01T00:00:00Z"), now }),
    );
    expect(expired.split("\n")[0]).toBe(
      'EXPIRED: "card" (us), due for deletion 2020-01-01T00:00:00.000Z',
    );
    const unknown = guards.retentionFor("face" as "card", { collectedAt: now });
    const invalid = explain(unknown);
    expect(invalid.split("\n")[0]).toBe('KEEP: "face" (us), no deletion date');
    expect(invalid).not.toContain("basis:");
    expect(invalid).toContain("policy example-shop-privacy@2024-01-31");
    const none = explain(
      guards.retentionCutoff("order", { now: new Date(Number.NaN), jurisdiction: "us" }),
    );
    expect(none.split("\n")[0]).toBe('CUTOFF: "order" (us), none: delete nothing');
  });
});
