import { describe, expect, it } from "vitest";
import { type Category, canShare, policy, type Recipient } from "../src";

const categories = Object.keys(policy.categories) as Category[];
const recipients = Object.keys(policy.recipients) as Recipient[];
const obligationsOf = (category: Category, recipient: Recipient) =>
  canShare(category, recipient).obligations.map((o) => o.id);

describe("§4 disclosures needed to run the service", () => {
  it("gives carriers the customer's name, registered address and number for routing, 911 location, caller name and porting (47 CFR 9.11), to route only", () => {
    expect(canShare("account", "upstream-carrier")).toMatchObject({
      allowed: true,
      basis: "contract",
    });
    expect(obligationsOf("account", "upstream-carrier")).toEqual(["route-only"]);
  });

  it("gives the payment processor the billing name and address under its vendor contract", () => {
    expect(canShare("account", "payment-processor").allowed).toBe(true);
    expect(obligationsOf("account", "payment-processor")).toEqual(["vendor-contract"]);
  });

  it("gives the support vendor the account under its vendor contract", () => {
    expect(canShare("account", "support-vendor").allowed).toBe(true);
    expect(obligationsOf("account", "support-vendor")).toEqual(["vendor-contract"]);
  });

  it("gives the analytics vendor no account data", () => {
    // @ts-expect-error: no rule lets analytics receive account data (§4)
    expect(canShare("account", "analytics-vendor").allowed).toBe(false);
  });
});

describe("§4 no share for cross-context behavioural advertising (Cal. Civ. Code 1798.120, 1798.140(ah))", () => {
  it("denies it for every recipient and category, whatever else is claimed, as prohibited", () => {
    for (const jurisdiction of policy.jurisdictions) {
      for (const recipient of recipients) {
        for (const category of categories) {
          const decision = canShare(category, recipient, {
            crossContextAdvertising: true,
            businessTransfer: true,
            customerDirected: true,
            legalProcess: "warrant",
            necessaryToPreventHarm: true,
            jurisdiction,
          });
          expect(decision.allowed).toBe(false);
          expect(decision.reasons).toContainEqual(
            expect.objectContaining({ code: "prohibited", section: "§4" }),
          );
        }
      }
    }
  });
});

describe("§4 a business transfer is not a sale (Cal. Civ. Code 1798.140(ad)(2)(C))", () => {
  it("transfers to the new owner in a business transfer, paid or not", () => {
    for (const sale of [false, true]) {
      // The acquirer's decisions never read `sale`, so its typed context leaves it out.
      const paid: { businessTransfer: boolean } = { businessTransfer: true, ...{ sale } };
      expect(canShare("account", "acquirer", paid).allowed).toBe(true);
    }
  });

  it("still refuses a sale to the acquirer outside a business transfer, and to anyone else", () => {
    const sold: { businessTransfer: boolean } = { businessTransfer: false, ...{ sale: true } };
    expect(canShare("account", "acquirer", sold).allowed).toBe(false);
    // A context as it arrives from a request, with a field cloud hosting does not read.
    const claimed: { sale: boolean } = { sale: true, ...{ businessTransfer: true } };
    expect(canShare("account", "cloud-hosting", claimed).allowed).toBe(false);
  });

  it("holds every recipient but the acquirer to the prohibition of sale", () => {
    const covered = policy.prohibitions["no-sale"].share.recipients;
    expect([...covered].sort()).toEqual(recipients.filter((r) => r !== "acquirer").sort());
  });
});

describe("§5 TrunkIQ processes communication content for the customer (GDPR Art. 28, 30(2))", () => {
  it("declares content as processed for the customer, and nothing else", () => {
    const processed = categories.filter((c) => {
      const declared = policy.categories[c];
      return "role" in declared && declared.role === "processor";
    });
    expect(processed).toEqual(["communication-content"]);
  });
});
