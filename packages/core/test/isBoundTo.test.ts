import { beforeEach, describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { createGuards } from "../src";

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

describe("isBoundTo reads only own data fields of a message", () => {
  const bound = { purpose: "fulfilment", category: "order", data: [1] };

  it("accepts a message that crossed a process boundary as plain data", () => {
    expect(guards.isBoundTo(JSON.parse(JSON.stringify(bound)), "fulfilment", "order")).toBe(true);
  });

  it("refuses a message whose purpose comes from a polluted Object.prototype", () => {
    const proto = Object.prototype as Record<string, unknown>;
    try {
      proto.purpose = "fulfilment";
      proto.category = "order";
      expect(guards.isBoundTo({ data: [1] }, "fulfilment", "order")).toBe(false);
    } finally {
      delete proto.purpose;
      delete proto.category;
    }
  });

  it("refuses a message whose purpose is given through a getter", () => {
    const message = Object.defineProperty({ category: "order", data: [1] }, "purpose", {
      get: () => "fulfilment",
      enumerable: true,
    });
    expect(guards.isBoundTo(message, "fulfilment", "order")).toBe(false);
  });
});
