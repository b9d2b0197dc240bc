import { describe, expectTypeOf, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { createGuards, type RetentionSchedule } from "../src";
import type {
  CheckSchedule,
  ScheduleAboveMaximum,
  ScheduleBelowMinimum,
  ScheduleOutOfBounds,
} from "../src/types";

type Example = typeof examplePolicy;

describe("retention schedule types", () => {
  it("accepts literal periods within the declared limits", () => {
    createGuards(examplePolicy, {
      retention: {
        order: { us: { years: 7 }, eea: { years: 10, months: 6 } },
        email: { eea: { months: 12 }, us: { years: 3 } },
        card: { us: {} },
      },
    });
  });

  it("refuses a period shorter than the legal minimum, naming the limit", () => {
    createGuards(examplePolicy, {
      // @ts-expect-error: US tax law keeps order records for at least 7 years
      retention: { order: { us: { years: 6, months: 11 } } },
    });
    expectTypeOf<
      CheckSchedule<Example, { order: { us: { years: 6 } } }>["order"]["us"]
    >().toEqualTypeOf<
      ScheduleOutOfBounds<"order in us must be kept at least 7 years (26 CFR 1.6001-1, §7)">
    >();
    expectTypeOf<
      ScheduleBelowMinimum<"order", "eea", Example["retention"]["order"]["eea"]>
    >().toEqualTypeOf<
      ScheduleOutOfBounds<"order in eea must be kept at least 10 years (HGB §257, §7)">
    >();
  });

  it("refuses a period longer than the maximum, naming the limit", () => {
    createGuards(examplePolicy, {
      // @ts-expect-error: storage limitation caps EEA emails at one year
      retention: { email: { eea: { months: 13 } } },
    });
    createGuards(examplePolicy, {
      // @ts-expect-error: card numbers are never stored
      retention: { card: { eea: { months: 1 } } },
    });
    expectTypeOf<
      CheckSchedule<Example, { email: { eea: { years: 2 } } }>["email"]["eea"]
    >().toEqualTypeOf<ScheduleAboveMaximum<"email", "eea", Example["retention"]["email"]["eea"]>>();
    expectTypeOf<
      ScheduleAboveMaximum<"email", "eea", { readonly maximum: { years: 1; months: 6 } }>
    >().toEqualTypeOf<ScheduleOutOfBounds<"email in eea may be kept at most 1 year 6 months">>();
  });

  it("refuses unknown categories and jurisdictions", () => {
    createGuards(examplePolicy, {
      // @ts-expect-error: "phone" is not a declared category
      retention: { phone: { us: { years: 1 } } },
    });
    createGuards(examplePolicy, {
      // @ts-expect-error: "uk" is not a declared jurisdiction
      retention: { order: { uk: { years: 7 } } },
    });
  });

  it("leaves mixed units and runtime schedules to the runtime check", () => {
    // 6 years and 400 days cannot be compared with 7 years exactly at the type level.
    createGuards(examplePolicy, { retention: { order: { us: { years: 6, days: 400 } } } });
    const fromConfig: RetentionSchedule = JSON.parse("{}");
    createGuards(examplePolicy, { retention: fromConfig });
    const months = 3 as number;
    createGuards(examplePolicy, { retention: { order: { us: { months } } } });
  });
});
