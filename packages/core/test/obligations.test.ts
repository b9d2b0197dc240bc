import { describe, expect, it } from "vitest";
import { createGuards, definePolicy } from "../src";
import { declarationWith } from "./support/declarationWith";

// The same obligation written as an object with no exceptions means the same as its bare id.
const policy = definePolicy(
  declarationWith({
    "recipients.police.receives.order.obligations": [{ id: "notify-customer" }],
  }) as never,
);
const guards = createGuards(policy) as unknown as {
  canShare(category: string, recipient: string, context?: object): { obligations: unknown[] };
};

describe("obligations declared as objects", () => {
  it("apply in every context when they list no exceptions", () => {
    for (const gagged of [false, true]) {
      const decision = guards.canShare("order", "police", { subpoena: true, gagged });
      expect(decision.obligations).toEqual([
        { id: "notify-customer", message: "We will notify you of such requests", section: "§4" },
      ]);
    }
  });
});
