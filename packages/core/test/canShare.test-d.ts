import { describe, expectTypeOf, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { createGuards } from "../src";
import type { NotDeclared, PolicyForbids } from "../src/types";

const { canShare, assertCanShare } = createGuards(examplePolicy);

describe("canShare types", () => {
  it("accepts a literal pair the policy permits in some context", () => {
    canShare("order", "courier");
    canShare("email", "police", { subpoena: true, gagged: true });
    assertCanShare("order", "police", { subpoena: true });
  });

  it("refuses a literal pair no rule names", () => {
    // @ts-expect-error: couriers never receive card numbers
    canShare("card", "courier");
    // @ts-expect-error: couriers never receive card numbers
    assertCanShare("card", "courier");
  });

  it("refuses a literal pair an unconditional prohibition bans", () => {
    // @ts-expect-error: no-ads forbids giving the ad network anything (§4)
    canShare("email", "ad-network");
  });

  it("names the forbidden pair in the error", () => {
    type RecipientParameter = Parameters<typeof canShare<"email", "ad-network">>[1];
    expectTypeOf<RecipientParameter>().toEqualTypeOf<
      PolicyForbids<"email may never be shared with ad-network (§4)">
    >();
  });

  it("names the declared ids when an id is misspelt", () => {
    type RecipientParameter = Parameters<typeof canShare<"order", "couriers">>[1];
    expectTypeOf<RecipientParameter>().toEqualTypeOf<
      NotDeclared<"couriers is not a declared recipient; declared: ad-network, courier, police">
    >();
  });

  it("refuses ids the policy does not declare", () => {
    // @ts-expect-error: "phone" is not a declared category
    canShare("phone", "courier");
    // @ts-expect-error: "bank" is not a declared recipient
    canShare("order", "bank");
  });

  it("accepts union-typed ids known only at runtime", () => {
    const recipient = "courier" as "courier" | "ad-network";
    canShare("email", recipient);
  });

  it("types the context per recipient", () => {
    canShare("order", "courier", { paid: false });
    // @ts-expect-error: no rule of the courier reads the subpoena flag
    canShare("order", "courier", { subpoena: true });
    // @ts-expect-error: consent is a field of use, not of sharing
    canShare("email", "police", { consent: true });
  });

  it("gives an allowed decision the recipient's literal basis", () => {
    const decision = canShare("email", "police", { subpoena: true });
    if (decision.allowed) expectTypeOf(decision.basis).toEqualTypeOf<"legal-obligation">();
    expectTypeOf(decision.recipient).toEqualTypeOf<"police">();
  });
});
