import { beforeEach, describe, expect, it } from "vitest";
import { createGuards } from "../src";
import { examplePolicy } from "./fixtures/examplePolicy";

// Rebuilt before each test, so that what a test checks is built under the code it runs with.
let guards = createGuards(examplePolicy);
beforeEach(() => {
  guards = createGuards(examplePolicy);
});

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
