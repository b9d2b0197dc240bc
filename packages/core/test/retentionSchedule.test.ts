import { describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import type { PolicyDefinitionIssue } from "../src";
import { createGuards, PolicyDefinitionError } from "../src";
import { validateSchedule } from "../src/internal/schedule";
import { definePolicy } from "../src/schemas";

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

/** The issues `createGuards` throws for a schedule, or fails the test when it accepts it. */
function scheduleIssues(retention: unknown): readonly PolicyDefinitionIssue[] {
  try {
    createGuards(examplePolicy, { retention } as never);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyDefinitionError);
    return (error as PolicyDefinitionError).issues;
  }
  throw new Error("createGuards accepted an invalid schedule");
}

describe("a deployment's retention schedule is checked against the declaration", () => {
  it("applies a period within the declared limits", () => {
    const now = new Date("2030-01-01T00:00:00Z");
    const { retentionFor } = createGuards(examplePolicy, {
      retention: { email: { us: { months: 3 }, eea: { years: 1 } } },
    });
    expect(
      retentionFor("email", { collectedAt: now, relationshipEndedAt: now, now }).until,
    ).toEqual(new Date("2030-04-02T00:00:00Z"));
  });

  it("refuses null as a schedule when it is checked directly", () => {
    expect(() => validateSchedule(examplePolicy, null)).toThrow(PolicyDefinitionError);
    expect(() => validateSchedule(examplePolicy, null)).toThrow(/- retention: .* got null/);
  });

  it("skips a category an untyped caller leaves undefined", () => {
    expect(() =>
      createGuards(examplePolicy, { retention: { order: undefined } } as never),
    ).not.toThrow();
  });

  it.each([
    ["a number", 7],
    ["an array", [{ order: { us: { years: 8 } } }]],
    ["a string", "7 years"],
  ])("refuses %s as a schedule at its root", (_, retention) => {
    const issues = scheduleIssues(retention);
    expect(issues).toEqual([
      {
        path: "retention",
        message: expect.stringMatching(/^a retention schedule is an object, got /),
      },
    ]);
  });

  it("reports an unknown category, prototype names included", () => {
    expect(scheduleIssues({ face: { us: { years: 1 } }, toString: { us: {} } })).toEqual([
      {
        path: "retention.face",
        message: expect.stringMatching(
          /unknown data category "face" \(declared: email, order, card\)/,
        ),
      },
      {
        path: "retention.toString",
        message: expect.stringMatching(/unknown data category "toString"/),
      },
    ]);
  });

  it("reports a category whose periods are not an object of jurisdictions", () => {
    expect(scheduleIssues({ order: null, email: 5 })).toEqual([
      {
        path: "retention.order",
        message: expect.stringMatching(/expected \{ \[jurisdiction\]: Duration \}, got null/),
      },
      { path: "retention.email", message: expect.stringMatching(/got 5/) },
    ]);
  });

  it("reports an unknown jurisdiction, prototype names included", () => {
    expect(scheduleIssues({ order: { uk: { years: 7 }, constructor: { years: 7 } } })).toEqual([
      {
        path: "retention.order.uk",
        message: expect.stringMatching(/unknown jurisdiction "uk" \(declared: us, eea\)/),
      },
      {
        path: "retention.order.constructor",
        message: expect.stringMatching(/unknown jurisdiction "constructor"/),
      },
    ]);
  });

  it("reports a period that is not a whole-day duration, naming the offending unit", () => {
    const issues = scheduleIssues({ email: { us: { hours: 5 }, eea: "6 months" } });
    expect(issues.map((i) => i.path)).toEqual(["retention.email.us", "retention.email.eea"]);
    expect(issues[0]?.message).toMatch(/^not a duration: .*hours/);
    expect(issues[1]?.message).toMatch(/^not a duration: value /);
    expect(scheduleIssues({ email: { us: { years: -1 } } })[0]?.message).toMatch(
      /^not a duration: years /,
    );
  });

  it("reports periods outside the declared minimum and maximum with the law behind them", () => {
    expect(
      scheduleIssues({ order: { us: { years: 6 } }, email: { eea: { years: 1, days: 1 } } }),
    ).toEqual([
      {
        path: "retention.order.us",
        message: "6 years is shorter than the legal minimum of 7 years (26 CFR 1.6001-1)",
      },
      {
        path: "retention.email.eea",
        message: "1 year 1 day is longer than the maximum of 1 year (GDPR Art. 5(1)(e))",
      },
    ]);
  });

  it("accepts the limits themselves", () => {
    expect(() =>
      createGuards(examplePolicy, {
        retention: { order: { us: { years: 7 } }, email: { eea: { years: 1 } } },
      }),
    ).not.toThrow();
  });

  it("reports every problem of a schedule at once", () => {
    const issues = scheduleIssues({
      face: {},
      order: { uk: {}, us: { years: 1 }, eea: { hours: 1 } },
    });
    expect(issues.map((i) => i.path)).toEqual([
      "retention.face",
      "retention.order.uk",
      "retention.order.us",
      "retention.order.eea",
    ]);
  });
});
