import { describe, expectTypeOf, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { createGuards, type UseDecision } from "../src";
import type { NotDeclared, PolicyForbids } from "../src/types";

const { canUse, assertCanUse } = createGuards(examplePolicy);

describe("canUse types", () => {
  it("accepts a literal pair the policy permits", () => {
    canUse("fulfilment", "card");
    canUse("newsletter", "email", { consent: true });
    assertCanUse("tax-filing", "order");
  });

  it("refuses a literal pair no rule names", () => {
    // @ts-expect-error: the newsletter purpose declares no use of card numbers
    canUse("newsletter", "card");
    // @ts-expect-error: the newsletter purpose declares no use of card numbers
    assertCanUse("newsletter", "card");
  });

  it("refuses a literal pair an unconditional prohibition bans", () => {
    // @ts-expect-error: no-card-for-tax forbids tax filing to use card numbers (§2(b))
    canUse("tax-filing", "card");
  });

  it("names the forbidden pair in the error", () => {
    type CategoryParameter = Parameters<typeof canUse<"newsletter", "card">>[1];
    expectTypeOf<CategoryParameter>().toEqualTypeOf<
      PolicyForbids<"newsletter may never use card (§3)">
    >();
    type TaxCategory = Parameters<typeof canUse<"tax-filing", "card">>[1];
    expectTypeOf<TaxCategory>().toEqualTypeOf<
      PolicyForbids<"tax-filing may never use card (§2(b))">
    >();
  });

  it("names the declared ids when an id is misspelt", () => {
    type PurposeParameter = Parameters<typeof canUse<"fulfillment", "order">>[0];
    expectTypeOf<PurposeParameter>().toEqualTypeOf<
      NotDeclared<"fulfillment is not a declared purpose; declared: fulfilment, newsletter, tax-filing">
    >();
  });

  it("refuses ids the policy does not declare", () => {
    // @ts-expect-error: "marketing" is not a declared purpose
    canUse("marketing", "email");
    // @ts-expect-error: "phone" is not a declared category
    canUse("fulfilment", "phone");
  });

  it("accepts union-typed ids known only at runtime", () => {
    const purpose = "newsletter" as "newsletter" | "tax-filing";
    const category = "card" as "card" | "email";
    expectTypeOf(canUse(purpose, "card")).toEqualTypeOf<
      UseDecision<"newsletter" | "tax-filing", "card", "consent" | "legal-obligation">
    >();
    canUse("newsletter", category);
  });

  it("offers consent to a consent-based purpose and refuses it for a contract purpose", () => {
    canUse("newsletter", "email", { consent: true, channel: "phone", jurisdiction: "eea" });
    // @ts-expect-error: fulfilment rests on the contract; no rule of it reads consent
    canUse("fulfilment", "email", { consent: true });
    canUse("fulfilment", "email", { jurisdiction: "us" });
    // @ts-expect-error: "mars" is not a declared jurisdiction
    canUse("fulfilment", "email", { jurisdiction: "mars" });
    // @ts-expect-error: channel is a choice of "web" | "phone"
    canUse("newsletter", "order", { channel: "fax" });
  });

  it("accepts every use field for a purpose known only at runtime", () => {
    const purpose = "fulfilment" as "fulfilment" | "newsletter";
    canUse(purpose, "email", { consent: true, channel: "web" });
    // @ts-expect-error: subpoena is a field of sharing, not of use
    canUse(purpose, "email", { subpoena: true });
  });

  it("gives an allowed decision the purpose's literal basis", () => {
    const decision = canUse("newsletter", "email");
    if (decision.allowed) expectTypeOf(decision.basis).toEqualTypeOf<"consent">();
    else expectTypeOf(decision.basis).toEqualTypeOf<null>();
    expectTypeOf(decision.purpose).toEqualTypeOf<"newsletter">();
    expectTypeOf(assertCanUse("tax-filing", "order").basis).toEqualTypeOf<"legal-obligation">();
  });
});
