import { describe, expect, it } from "vitest";
import { createGuards, definePolicy, PolicyDefinitionError } from "../src";
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

  it("is checked across the 2100 century turn, which has no February 29th", () => {
    // Three years and a month span four Februaries, one of them a 29-day one, and so hold at
    // least 1,124 days from any date this century; from 2097-02-01 they end on 2100-03-01 after
    // 1,123, because none of the Februaries of 2097 to 2100 has a 29th.
    const policy = definePolicy({
      ...examplePolicy,
      retention: {
        ...examplePolicy.retention,
        order: {
          ...examplePolicy.retention.order,
          us: {
            ...examplePolicy.retention.order.us,
            period: { days: 1124 },
            minimum: { days: 1124 },
          },
        },
      },
    });
    expect(() =>
      createGuards(policy, { retention: { order: { us: { years: 3, months: 1 } } } }),
    ).toThrow(/shorter than the legal minimum of 1124 days/);
    expect(() =>
      createGuards(policy, { retention: { order: { us: { years: 3, months: 1, days: 1 } } } }),
    ).not.toThrow();
  });
});
