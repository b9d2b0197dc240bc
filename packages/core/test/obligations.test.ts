import { beforeEach, describe, expect, it } from "vitest";
import { createGuards } from "../src";
import { definePolicy } from "../src/schemas";
import { declarationWith } from "./support/declarationWith";

// The same obligation written as an object with no exceptions means the same as its bare id.
const policy = definePolicy(
  declarationWith({
    "recipients.police.receives.order.obligations": [{ id: "notify-customer" }],
  }) as never,
);
type LooseGuards = {
  canShare(category: string, recipient: string, context?: object): { obligations: unknown[] };
};
// Rebuilt before each test, so that what a test checks is built under the code it runs with.
let guards = createGuards(policy) as unknown as LooseGuards;
beforeEach(() => {
  guards = createGuards(policy) as unknown as LooseGuards;
});

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
