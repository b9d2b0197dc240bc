import { describe, expect, it } from "vitest";
import { policy, show, useAt, usePoints, violations } from "../support/points";

const consentPurposes = Object.entries(policy.purposes)
  .filter(([, p]) => p.basis === "consent")
  .map(([id]) => id);

describe("consent (§3; GDPR Art. 6(1)(a), 7(3))", () => {
  it("§3: declares at least one purpose that rests on consent, so the checks below bite", () => {
    expect(consentPurposes.length).toBeGreaterThan(0);
    expect(Object.keys(policy.contextFields)).toContain("consent");
  });

  it("§3: never allows a consent-based purpose without consent, in any context", () => {
    const withoutConsent = usePoints.filter(
      (p) => consentPurposes.includes(p.purpose) && p.context.consent === false,
    );
    expect(withoutConsent.length).toBeGreaterThan(0);
    expect(violations(withoutConsent, (p) => (useAt(p).allowed ? show(p) : null))).toEqual([]);
  });

  it("§3: withdrawing consent never adds a permission", () => {
    const given = usePoints.filter((p) => p.context.consent === true);
    expect(
      violations(given, (p) => {
        const withdrawn = useAt(p, { ...p.context, consent: false });
        return withdrawn.allowed && !useAt(p).allowed ? `${show(p)} with consent withdrawn` : null;
      }),
    ).toEqual([]);
  });
});
