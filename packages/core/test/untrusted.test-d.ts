import { describe, expectTypeOf, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { createGuards } from "../src";

const { untrusted } = createGuards(examplePolicy);
declare const body: unknown;
declare const query: Record<string, unknown>;

describe("untrusted guard types", () => {
  it("take values of unknown type without a cast", () => {
    untrusted.canUse(query.purpose, query.category, body);
    untrusted.canShare(query.category, "police", body);
    untrusted.retentionFor(query.category, body);
    untrusted.retentionCutoff(query.category, body);
  });

  it("type the ids of an allowance as declared ids", () => {
    const decision = untrusted.canUse(query.purpose, query.category);
    if (decision.allowed) {
      expectTypeOf(decision.purpose).toEqualTypeOf<"fulfilment" | "newsletter" | "tax-filing">();
      expectTypeOf(decision.category).toEqualTypeOf<"email" | "order" | "card">();
    } else {
      expectTypeOf(decision.purpose).toEqualTypeOf<string>();
    }
    const share = untrusted.canShare(query.category, query.recipient);
    if (share.allowed) {
      expectTypeOf(share.recipient).toEqualTypeOf<"courier" | "police" | "ad-network">();
    }
  });
});
