import { match } from "ts-pattern";
import { describe, expect, it } from "vitest";
import {
  assertCanShare,
  assertCanUse,
  type Category,
  canShare,
  canUse,
  PolicyViolationError,
  type Purpose,
  policy,
  type Recipient,
} from "../src";
import { categorySchema, purposeSchema, recipientSchema, useContextSchema } from "../src/schemas";

const categories = Object.keys(policy.categories) as Category[];
const recipients = Object.keys(policy.recipients) as Recipient[];
const purposes = Object.keys(policy.purposes) as Purpose[];
const sectionOf = (d: { reasons: readonly { section: string }[] }) =>
  d.reasons.map((r) => r.section);

describe("§3 marketing rests on consent", () => {
  it("denies marketing use of account data without consent, citing §3", () => {
    const decision = canUse("marketing", "account");
    expect(decision.allowed).toBe(false);
    expect(decision.reasons[0]).toMatchObject({ code: "condition-unmet", section: "§3" });
  });

  it("allows marketing use of account data with consent, on the basis of consent", () => {
    const decision = canUse("marketing", "account", { consent: true });
    expect(decision).toMatchObject({ allowed: true, basis: "consent" });
    expect(decision.obligations.map((o) => o.id)).toEqual(["honour-opt-out"]);
  });

  it.each(["kyc-document", "communication-content", "payment-card"] as const)(
    "never lets marketing use %s, consent or not",
    (category) => {
      for (const consent of [false, true]) {
        const decision = canUse("marketing", category as Category, { consent });
        expect(decision.allowed).toBe(false);
        expect(decision.reasons.map((r) => r.code)).toContain("prohibited");
      }
    },
  );
});

describe("§3 each purpose reports its own lawful basis", () => {
  it.each([
    ["call-routing", "call-detail-record", "contract"],
    ["kyc-verification", "kyc-document", "legal-obligation"],
    ["abuse-prevention", "ip-address", "legitimate-interest"],
  ] as const)("%s of %s rests on %s in the US", (purpose, category, basis) => {
    expect(canUse(purpose, category, { jurisdiction: "us" })).toMatchObject({
      allowed: true,
      basis,
    });
  });

  it("rests marketing on consent", () => {
    expect(canUse("marketing", "website-usage", { consent: true }).basis).toBe("consent");
  });

  it("reports the declared basis for every permitted pair", () => {
    for (const purpose of purposes) {
      for (const category of categories) {
        const decision = canUse(purpose, category, {
          consent: true,
          storage: "transient",
          customerDirected: true,
          legalProcess: true,
        });
        if (decision.allowed) expect(decision.basis).toBe(policy.purposes[purpose].basis);
      }
    }
  });
});

describe("§2(c) communication content", () => {
  it("lets call routing carry content only transiently", () => {
    expect(canUse("call-routing", "communication-content", { storage: "transient" }).allowed).toBe(
      true,
    );
    const stored = canUse("call-routing", "communication-content", { storage: "stored" });
    expect(stored.allowed).toBe(false);
    expect(sectionOf(stored)).toEqual(["§2(c)"]);
    expect(canUse("call-routing", "communication-content").allowed).toBe(false);
  });

  it("lets call recording store content only as the customer directs", () => {
    expect(canUse("call-recording", "communication-content").allowed).toBe(false);
    expect(
      canUse("call-recording", "communication-content", { customerDirected: true }),
    ).toMatchObject({
      allowed: true,
      basis: "contract",
    });
  });

  it("lets no other purpose use content, whatever the context, but an answer to a warrant", () => {
    const context = {
      consent: true,
      storage: "transient",
      customerDirected: true,
      legalProcess: "warrant",
      jurisdiction: "us",
    } as const;
    const users = purposes.filter((p) => canUse(p, "communication-content", context).allowed);
    expect(users.sort()).toEqual(["call-recording", "call-routing"]);
    const stored = { ...context, storage: "stored" } as const;
    expect(
      purposes.filter((p) => canUse(p, "communication-content", stored).allowed).sort(),
    ).toEqual(["call-recording", "lawful-request"]);
  });
});

describe("§2(a) the full card number is never stored", () => {
  it("shares card data with the payment processor and nobody else", () => {
    const everything = {
      legalProcess: true,
      businessTransfer: true,
      necessaryToPreventHarm: true,
      customerDirected: true,
      storage: "transient",
    } as const;
    const receivers = recipients.filter((r) => canShare("payment-card", r, everything).allowed);
    expect(receivers).toEqual(["payment-processor"]);
  });

  it("lets payment processing handle card data only in transit", () => {
    expect(canUse("payment-processing", "payment-card", { storage: "transient" }).allowed).toBe(
      true,
    );
    expect(canUse("payment-processing", "payment-card").allowed).toBe(false);
  });
});

describe("§4 we do not sell your personal information", () => {
  it("denies every category to a data broker, whatever the context", () => {
    for (const category of categories) {
      const broker = "data-broker" as Recipient;
      const decision = canShare(category, broker, {
        legalProcess: true,
        businessTransfer: true,
        necessaryToPreventHarm: true,
        customerDirected: true,
      });
      expect(decision.allowed).toBe(false);
      expect(decision.reasons).toContainEqual(
        expect.objectContaining({ code: "prohibited", section: "§4" }),
      );
    }
  });

  it("denies any share made as a sale but a business transfer to the new owner", () => {
    for (const recipient of recipients) {
      for (const category of categories) {
        const decision = canShare(category, recipient, {
          sale: true,
          legalProcess: "warrant",
          businessTransfer: true,
        });
        // The acquirer's own rule leaves out card numbers and content not stored for the customer.
        const acquired = !["payment-card", "communication-content"].includes(category);
        expect(decision.allowed).toBe(recipient === "acquirer" && acquired);
      }
    }
    expect(canShare("website-usage", "analytics-vendor", { jurisdiction: "us" }).allowed).toBe(
      true,
    );
    expect(
      canShare("website-usage", "analytics-vendor", { sale: true, jurisdiction: "us" }).reasons[0]
        ?.code,
    ).toBe("prohibited");
  });
});

describe("§4 legal and regulatory authorities", () => {
  it("denies disclosure without legal process", () => {
    const decision = canShare("call-detail-record", "authority", { jurisdiction: "us" });
    expect(decision.allowed).toBe(false);
    expect(decision.reasons[0]).toMatchObject({ code: "condition-unmet", section: "§4" });
  });

  it("allows it with legal process, obliging us to notify the customer", () => {
    const decision = canShare("call-detail-record", "authority", {
      legalProcess: true,
      jurisdiction: "us",
    });
    expect(decision).toMatchObject({ allowed: true, basis: "legal-obligation" });
    expect(decision.obligations).toEqual([
      expect.objectContaining({ id: "notify-customer", section: "§4" }),
    ]);
  });

  it("drops the notification when the law prohibits it", () => {
    const decision = canShare("call-detail-record", "authority", {
      legalProcess: true,
      disclosureProhibited: true,
      jurisdiction: "us",
    });
    expect(decision.allowed).toBe(true);
    expect(decision.obligations).toEqual([]);
  });
});

describe("§4 carriers, vendors, business transfers and the protection of rights", () => {
  it("gives upstream carriers traffic data to route calls", () => {
    expect(canShare("call-detail-record", "upstream-carrier").allowed).toBe(true);
    expect(canShare("ip-address", "upstream-carrier").allowed).toBe(true);
    const carrier = "upstream-carrier" as Recipient;
    expect(canShare("kyc-document", carrier).allowed).toBe(false);
  });

  it.each([
    ["payment-processor", ["account", "payment-transaction", "payment-card"]],
    ["analytics-vendor", ["website-usage"]],
    ["support-vendor", ["account", "support-communication"]],
  ] as const)("gives %s only what its function needs", (recipient, expected) => {
    const us = { jurisdiction: "us" } as const;
    const received = categories.filter((c) => canShare(c, recipient as Recipient, us).allowed);
    expect(received.sort()).toEqual([...expected].sort());
    for (const c of received) {
      expect(canShare(c, recipient as Recipient, us).obligations.map((o) => o.id)).toContain(
        "vendor-contract",
      );
    }
  });

  it("hosts what is stored, never card numbers, content only as the customer directs", () => {
    const hosted = categories.filter((c) => canShare(c, "cloud-hosting").allowed);
    expect(hosted).not.toContain("payment-card");
    expect(hosted).not.toContain("communication-content");
    expect(
      canShare("communication-content", "cloud-hosting", { customerDirected: true }).allowed,
    ).toBe(true);
  });

  it("transfers to a new owner only in a business transfer", () => {
    expect(canShare("account", "acquirer").allowed).toBe(false);
    expect(canShare("account", "acquirer", { businessTransfer: true })).toMatchObject({
      allowed: true,
    });
  });

  it("discloses to protect rights only when necessary to prevent harm", () => {
    expect(canShare("ip-address", "investigating-party").allowed).toBe(false);
    expect(
      canShare("ip-address", "investigating-party", { necessaryToPreventHarm: true }).allowed,
    ).toBe(true);
  });
});

describe("fail closed on input from a request", () => {
  const hostile: unknown[] = [
    "__proto__",
    "constructor",
    "toString",
    "",
    "sell",
    null,
    undefined,
    42,
    {},
    [],
  ];

  it("denies unknown or malformed ids with invalid-input, never throwing", () => {
    for (const value of hostile) {
      const use = canUse(value as Purpose, "account");
      const use2 = canUse("call-routing", value as never);
      const share = canShare(value as Category, "authority", { legalProcess: true });
      const share2 = canShare("account", value as never);
      for (const decision of [use, use2, share, share2]) {
        expect(decision.allowed).toBe(false);
        expect(decision.reasons[0]).toMatchObject({ code: "invalid-input" });
        expect(decision.policy.version).toBe("2025-07-07");
      }
    }
  });

  it("denies a malformed context instead of defaulting it", () => {
    const decision = canUse("marketing", "account", { consent: "yes" } as never);
    expect(decision.allowed).toBe(false);
    expect(decision.reasons[0]?.message).toContain('context field "consent"');
  });

  it("names the allowed values when parsing ids from a request", () => {
    const result = purposeSchema.safeParse("sell");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("call-routing");
    expect(categorySchema.parse("account")).toBe("account");
    expect(recipientSchema.safeParse("data-broker").success).toBe(true);
  });

  it("names the bad field and its allowed values when parsing a context from a request", () => {
    const result = useContextSchema.safeParse({ consent: true, storage: "disk" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["storage"]);
    expect(result.error?.issues[0]?.message).toMatch(/transient.*stored/);
    expect(useContextSchema.parse({ consent: true, jurisdiction: "uk" })).toEqual({
      consent: true,
      jurisdiction: "uk",
    });
  });
});

describe("every decision explains itself", () => {
  it("cites a policy section in every reason and names the policy version", () => {
    for (const purpose of purposes) {
      for (const category of categories) {
        const decision = canUse(purpose, category);
        expect(decision.policy).toEqual({ id: "trunkiq-privacy-policy", version: "2025-07-07" });
        expect(decision.reasons.length).toBeGreaterThan(0);
        for (const reason of decision.reasons) expect(reason.section).toMatch(/^§\d+(\([a-z]\))?$/);
      }
    }
  });

  it("works with ts-pattern's exhaustive match", () => {
    const describe = (purpose: Purpose, category: Category) =>
      match(canUse(purpose, category))
        .with({ allowed: true }, (d) => `allowed on ${d.basis}`)
        .with({ allowed: false }, (d) => `denied: ${d.reasons[0]?.code}`)
        .exhaustive();
    expect(describe("call-routing", "ip-address")).toBe("allowed on contract");
    expect(describe("marketing", "account")).toBe("denied: condition-unmet");
  });

  it("throws a PolicyViolationError carrying the decision from the assert variants", () => {
    expect(() => assertCanUse("marketing", "account")).toThrow(PolicyViolationError);
    try {
      assertCanShare("account", "authority", { jurisdiction: "us" });
    } catch (error) {
      expect(error).toBeInstanceOf(PolicyViolationError);
      expect((error as PolicyViolationError).decision).toMatchObject({
        kind: "share",
        allowed: false,
      });
    }
    expect(assertCanUse("call-routing", "ip-address").allowed).toBe(true);
  });
});
