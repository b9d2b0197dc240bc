import fc from "fast-check";
import { expect } from "vitest";

/**
 * A value a caller passes where a `Date` belongs, with the time an honest reader sees in it:
 * the time value in its internal slot, or `undefined` when it holds none (not a Date, invalid).
 */
export interface HostileDate {
  readonly value: unknown;
  readonly time: number | undefined;
  readonly label: string;
}

const MAX = 8.64e15;

/** Times across the whole Date range, with its edges and the dates of living people. */
export const timeArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
  // `+ 0` turns -0 into 0, as a Date does.
  fc.double({ min: -MAX, max: MAX, noNaN: true }).map((x) => Math.trunc(x) + 0),
  fc.constantFrom(0, MAX, -MAX, MAX - 1, -MAX + 1),
);

/** What a lying method answers: nonsense numbers, another time, or a throw. */
const lieArb = fc.constantFrom<() => unknown>(
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
  () => 0,
  () => Date.UTC(1970, 0, 1),
  () => Date.UTC(2099, 0, 1),
  () => "2000-01-01T00:00:00Z",
  () => {
    throw new Error("lying date");
  },
);

const LIED_ABOUT = [
  "getTime",
  "valueOf",
  "toISOString",
  "toJSON",
  "getUTCFullYear",
  "getUTCMonth",
  "getUTCDate",
  "getFullYear",
] as const;

function lyingSubclass(time: number, lie: () => unknown): Date {
  class LyingDate extends Date {
    override getTime(): number {
      return lie() as number;
    }
    override valueOf(): number {
      return lie() as number;
    }
    override toISOString(): string {
      return lie() as string;
    }
    override getUTCFullYear(): number {
      return lie() as number;
    }
    override getUTCMonth(): number {
      return lie() as number;
    }
    override getUTCDate(): number {
      return lie() as number;
    }
    override [Symbol.toPrimitive](): never {
      return lie() as never;
    }
  }
  return new LyingDate(time);
}

function ownGetters(time: number, lie: () => unknown): Date {
  const date = new Date(time);
  for (const name of LIED_ABOUT) Object.defineProperty(date, name, { get: lie });
  Object.defineProperty(date, Symbol.toPrimitive, { get: lie });
  return date;
}

function proxied(time: number, lie: () => unknown): unknown {
  return new Proxy(new Date(time), {
    get: (target, key) => (LIED_ABOUT.includes(key as never) ? lie : Reflect.get(target, key)),
    getPrototypeOf: () => Date.prototype,
  });
}

function datePrototyped(time: number): unknown {
  const fake = Object.create(Date.prototype) as Record<string, unknown>;
  fake.getTime = () => time;
  fake.valueOf = () => time;
  return fake;
}

/** Hostile date-like values, each with the time an honest reader must see in it. */
export const hostileDateArb: fc.Arbitrary<HostileDate> = fc.oneof(
  fc
    .tuple(timeArb, lieArb)
    .map(([t, lie]) => ({ value: lyingSubclass(t, lie), time: t, label: "lying subclass" })),
  fc
    .tuple(timeArb, lieArb)
    .map(([t, lie]) => ({ value: ownGetters(t, lie), time: t, label: "own getters" })),
  fc
    .tuple(timeArb, lieArb)
    .map(([t, lie]) => ({ value: proxied(t, lie), time: undefined, label: "Proxy of a Date" })),
  timeArb.map((t) => ({ value: datePrototyped(t), time: undefined, label: "Date prototype" })),
  fc.constantFrom<HostileDate>(
    { value: new Date(Number.NaN), time: undefined, label: "invalid Date" },
    { value: new Date(MAX + 1), time: undefined, label: "past the range" },
    { value: lyingSubclass(Number.NaN, () => 0), time: undefined, label: "invalid subclass" },
    { value: { getTime: () => 0 }, time: undefined, label: "object with getTime" },
    { value: Date.UTC(2000, 0, 1), time: undefined, label: "number" },
    { value: "2000-01-01", time: undefined, label: "string" },
    { value: null, time: undefined, label: "null" },
  ),
);

/** The plain `Date` an honest caller would pass for a hostile one, or the hostile value itself. */
export const honest = (d: HostileDate): unknown =>
  d.time === undefined ? d.value : new Date(d.time);

/** The fields of any decision a hostile date can reach. */
export type Decided = {
  allowed?: boolean;
  expired?: boolean;
  cutoff?: Date | null;
  valid?: boolean;
  reasons: readonly { code: string; message: string }[];
};

/** A decision on a value without a time refuses it by name. */
export const refusesField = (d: Decided, field: string) => {
  expect(d.allowed ?? false).toBe(false);
  expect(d.expired ?? false).toBe(false);
  expect(d.cutoff ?? null).toBeNull();
  expect(d.valid ?? false).toBe(false);
  expect(d.reasons.map((r) => r.code)).toEqual(["invalid-input"]);
  expect(d.reasons[0]?.message).toContain(field);
};

/** Runs a guard on a hostile date and on its honest twin: same decision, or a refusal by name. */
export const agrees = (d: HostileDate, field: string, decide: (date: unknown) => Decided) => {
  const hostile = decide(d.value);
  if (d.time === undefined) refusesField(hostile, field);
  else expect(hostile).toEqual(decide(honest(d)));
};
