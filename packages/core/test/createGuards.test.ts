import { describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { createGuards, PolicyDefinitionError, type RetentionSchedule } from "../src";

/** The issues `createGuards` throws for a schedule, or fails the test when it accepts it. */
function scheduleIssues(schedule: unknown) {
  try {
    createGuards(examplePolicy, { retention: schedule as RetentionSchedule });
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyDefinitionError);
    return (error as PolicyDefinitionError).issues;
  }
  throw new Error("createGuards accepted an invalid schedule");
}

describe("createGuards with a retention schedule", () => {
  it("applies a schedule within the declared limits", () => {
    const guards = createGuards(examplePolicy, {
      retention: { order: { us: { years: 8 } }, email: { eea: { months: 1, days: 10 } } },
    });
    const collectedAt = new Date("2020-01-01T00:00:00Z");
    expect(guards.retentionFor("order", { collectedAt }).until).toEqual(
      new Date("2028-01-02T00:00:00Z"),
    );
    expect(guards.retentionFor("order", { collectedAt, jurisdiction: "eea" }).rule?.period).toEqual(
      { years: 10 },
    );
  });

  it("refuses periods in mixed units outside the limits, every problem at once", () => {
    const issues = scheduleIssues({
      order: { us: { years: 6, days: 300 } },
      email: { eea: { months: 11, weeks: 5 } },
      card: { us: { days: 1 } },
    });
    expect(issues).toEqual([
      {
        path: "retention.order.us",
        message: expect.stringMatching(/shorter than the legal minimum of 7 years \(26 CFR/),
      },
      { path: "retention.email.eea", message: expect.stringMatching(/longer than the maximum/) },
      { path: "retention.card.us", message: expect.stringMatching(/longer than the maximum/) },
    ]);
  });

  it("refuses unknown categories and jurisdictions, and values that are not durations", () => {
    const issues = scheduleIssues({
      phone: { us: { years: 1 } },
      order: { uk: { years: 7 }, us: { years: "7" } },
      email: 5,
    });
    expect(issues.map((i) => i.path)).toEqual([
      "retention.phone",
      "retention.order.uk",
      "retention.order.us",
      "retention.email",
    ]);
  });

  it.each([
    ["an array", []],
    ["a string", "7 years"],
    ["a number", 7],
  ])("refuses %s as a schedule", (_, schedule) => {
    expect(scheduleIssues(schedule)).toHaveLength(1);
  });
});

describe("createGuards takes only a policy definePolicy made", () => {
  const notAPolicy = /^createGuards takes a policy made by definePolicy/;

  it("compiles a policy definePolicy made", () => {
    expect(createGuards(examplePolicy).policy).toBe(examplePolicy);
  });

  it.each([
    ["a structurally equal copy", () => structuredClone(examplePolicy)],
    ["a spread copy", () => ({ ...examplePolicy })],
    ["an object inheriting from the policy", () => Object.create(examplePolicy)],
    ["null", () => null],
    ["a string", () => "policy"],
  ])("refuses %s with a PolicyDefinitionError, failing closed", (_, make) => {
    let thrown: unknown;
    try {
      createGuards(make() as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PolicyDefinitionError);
    expect((thrown as PolicyDefinitionError).issues).toEqual([
      { path: "", message: expect.stringMatching(notAPolicy) },
    ]);
  });
});
