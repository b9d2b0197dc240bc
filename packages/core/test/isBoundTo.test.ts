import { describe, expect, it } from "vitest";
import { createGuards } from "../src";
import { examplePolicy } from "./fixtures/examplePolicy";

const guards = createGuards(examplePolicy);

describe("isBoundTo", () => {
  it("refuses a function, even one carrying a bound message's fields", () => {
    const callable = Object.assign(() => undefined, {
      purpose: "fulfilment",
      category: "order",
      data: [1],
    });
    expect(guards.isBoundTo(callable, "fulfilment", "order")).toBe(false);
  });
});
