import type { RetentionPeriod as Duration, PolicyDeclaration } from "../declaration";
import type { UnknownCategory, UnknownJurisdiction } from "./CheckReferences";
import type { CategoryOf, JurisdictionOf } from "./Ids";
import type { ListIds } from "./ListIds";
import type { NotDeclared, ScheduleOutOfBounds } from "./Refusal";

// Natural numbers as tuple lengths: the compiler can add and compare those exactly.
type Tuple<N extends number, T extends unknown[] = []> = T["length"] extends N
  ? T
  : Tuple<N, [...T, unknown]>;
type Twelve<T extends unknown[]> = [
  ...T,
  ...T,
  ...T,
  ...T,
  ...T,
  ...T,
  ...T,
  ...T,
  ...T,
  ...T,
  ...T,
  ...T,
];

type Digit = "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9";
// Only literal naturals small enough for tuples are counted; the runtime check does the rest.
type Literal<N, Digits extends string> = N extends number
  ? number extends N
    ? false
    : `${N}` extends Digits
      ? true
      : false
  : false;
type UpTo99 = Digit | `${Digit}${Digit}`;
type UpTo999 = UpTo99 | `${Digit}${Digit}${Digit}`;

type Unit<P, K extends keyof Duration> = K extends keyof P ? Exclude<P[K], undefined> : 0;

/** `true` when a period is in whole years and months, given as literals, so its length is exact. */
type InMonths<P> = [Unit<P, "weeks">, Unit<P, "days">] extends [0, 0]
  ? [Literal<Unit<P, "years">, UpTo99>, Literal<Unit<P, "months">, UpTo999>] extends [true, true]
    ? true
    : false
  : false;

/** A years-and-months period as a tuple whose length is its number of months. */
type Months<P> = [
  ...Twelve<Tuple<Unit<P, "years"> & number>>,
  ...Tuple<Unit<P, "months"> & number>,
];

/** `true` when period `A` is strictly shorter than period `B` (both in months). */
type Shorter<A, B> = Months<B> extends [...Months<A>, unknown, ...unknown[]] ? true : false;

type Count<N, Unit extends string> = N extends 1 ? `1 ${Unit}` : `${N & number} ${Unit}s`;

type Format<P> =
  Unit<P, "years"> extends 0
    ? Count<Unit<P, "months">, "month">
    : Unit<P, "months"> extends 0
      ? Count<Unit<P, "years">, "year">
      : `${Count<Unit<P, "years">, "year">} ${Count<Unit<P, "months">, "month">}`;

// The law and section a rule cites, as a refusal sentence ends: " (26 CFR 1.6001-1, §7)".
// Parts typed only as `string` are left out rather than printed as a pattern.
type Cites<Rule> = Rule extends {
  readonly law: infer L extends string;
  readonly section: infer S extends string;
}
  ? string extends L
    ? ""
    : string extends S
      ? ` (${L})`
      : ` (${L}, ${S})`
  : "";

// Conditionals, so the compiler prints the resolved refusal rather than the alias and the rule.
/** Shown by the compiler where a literal schedule is shorter than the law its rule cites allows. */
export type ScheduleBelowMinimum<C extends string, J extends string, Rule> = Rule extends {
  readonly minimum: infer Min;
}
  ? ScheduleOutOfBounds<`${C} in ${J} must be kept at least ${Format<Min>}${Cites<Rule>}`>
  : never;

/** Shown where a literal schedule is longer than storage limitation allows. */
export type ScheduleAboveMaximum<C extends string, J extends string, Rule> = Rule extends {
  readonly maximum: infer Max;
}
  ? ScheduleOutOfBounds<
      Format<Max> extends "0 months"
        ? Rule extends { readonly anchor: "relationship-end" }
          ? `${C} in ${J} may not be kept after the relationship ends${Cites<Rule>}`
          : `${C} in ${J} may not be kept at all${Cites<Rule>}`
        : `${C} in ${J} may be kept at most ${Format<Max>}${Cites<Rule>}`
    >
  : never;

type CheckPeriod<Rule, P, C extends string, J extends string> =
  InMonths<P> extends true
    ? Rule extends { readonly minimum: infer Min }
      ? InMonths<Min> extends true
        ? Shorter<P, Min> extends true
          ? ScheduleBelowMinimum<C, J, Rule>
          : CheckMaximum<Rule, P, C, J>
        : CheckMaximum<Rule, P, C, J>
      : CheckMaximum<Rule, P, C, J>
    : Duration;

type CheckMaximum<Rule, P, C extends string, J extends string> = Rule extends {
  readonly maximum: infer Max;
}
  ? InMonths<Max> extends true
    ? Shorter<Max, P> extends true
      ? ScheduleAboveMaximum<C, J, Rule>
      : Duration
    : Duration
  : Duration;

type CheckJurisdictions<
  D extends PolicyDeclaration,
  C extends CategoryOf<D>,
  Periods,
> = string extends keyof Periods
  ? { readonly [jurisdiction: string]: Duration }
  : {
      readonly [J in keyof Periods]: J extends JurisdictionOf<D>
        ? J extends keyof D["retention"][C]
          ? CheckPeriod<D["retention"][C][J], Periods[J], C, J>
          : NotDeclared<`${C} has no retention rule in ${J}; it has rules in: ${ListIds<keyof D["retention"][C] & string>}`>
        : UnknownJurisdiction<J, D["jurisdictions"]>;
    };

/**
 * The shape a deployment's retention schedule must have for policy `D`. For a literal
 * schedule the compiler checks what it can decide exactly: every category and jurisdiction
 * is declared, and a period in whole years and months is neither shorter than its rule's
 * `minimum` nor longer than its `maximum` (when those are in years and months too). Mixed
 * units and schedules known only at runtime are checked when the guards are created.
 *
 * @example
 * createGuards(policy, { retention: { "call-detail-record": { eu: { months: 3 } } } });
 */
export type CheckSchedule<D extends PolicyDeclaration, S> = string extends keyof S
  ? { readonly [category: string]: { readonly [jurisdiction: string]: Duration } | undefined }
  : {
      readonly [C in keyof S]: C extends CategoryOf<D>
        ? CheckJurisdictions<D, C, Exclude<S[C], undefined>>
        : UnknownCategory<C, CategoryOf<D>>;
    };
