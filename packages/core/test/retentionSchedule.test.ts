import { describe, expect, it } from "vitest";
import { createGuards, PolicyDefinitionError } from "../src";
import { examplePolicy } from "./fixtures/examplePolicy";

describe("a deployment's retention schedule", () => {
  it("is refused when it falls short of the legal minimum from some anchor dates only", () => {
    // 6 years and 365 days reach 7 years from January 1st, but not when the seventh year holds
    // a February 29th (e.g. from 2001-03-01).
    expect(() =>
      createGuards(examplePolicy, { retention: { order: { us: { years: 6, days: 365 } } } }),
    ).toThrow(PolicyDefinitionError);
    expect(() =>
      createGuards(examplePolicy, { retention: { order: { us: { years: 6, days: 366 } } } }),
    ).not.toThrow();
  });
});
