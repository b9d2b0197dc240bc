import { describe, expectTypeOf, it } from "vitest";
import { canExercise, canTransfer, consentAt, planRequest } from "../src";

const at = new Date("2025-07-07T00:00:00Z");

describe("typed faces of the §8, §9 and §3 guards", () => {
  it("accepts declared rights and categories and refuses others", () => {
    expectTypeOf(canExercise("erasure", "kyc-document").until).toEqualTypeOf<Date | null>();
    // @ts-expect-error: "forget-me" is not a right §9 declares
    canExercise("forget-me", "account");
    // @ts-expect-error: "dna" is not a data category §2 declares
    canExercise("access", "dna");
    // @ts-expect-error: "fr" is not a jurisdiction the retention rules rest on
    canExercise("erasure", "account", { jurisdiction: "fr" });
  });

  it("narrows a plan to its deadlines once it is valid", () => {
    const plan = planRequest({ jurisdiction: "eea", right: "access", receivedAt: new Date() });
    if (plan.valid) expectTypeOf(plan.deadline).toEqualTypeOf<Date>();
    else expectTypeOf(plan.deadline).toEqualTypeOf<null>();
  });

  it("names the transfer mechanisms and the consent purposes", () => {
    // @ts-expect-error: a handshake is not a lawful transfer mechanism (§8)
    canTransfer("account", { at, from: "DE", to: "US", mechanism: "handshake" });
    // @ts-expect-error: "selling" is not a purpose §3 declares
    consentAt([], { subject: "s", purpose: "selling", at: new Date() });
  });
});
