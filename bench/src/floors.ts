import { ACCESSOR, INHERITED, ownValue, readsPlainly } from "@trunkiq/policy-core/engine";
import {
  type Condition,
  declaration,
  type Period,
  type Question,
  rulesOf,
  type Value,
} from "./declaration";

// Hand-written floors: the least code that gives the guards' answers on the question sets, each
// built from the same declaration. They answer with numbers so every candidate's loop is alike.

const own = Object.hasOwn;

/** A checked table lookup for `canUse` or `canShare`: 1 allowed, 0 denied. */
export function pairFloor(question: Question) {
  const rules = rulesOf(question);
  const names = rules.fields.map((f) => f.name);
  const allowed = rules.fields.map((f) => f.values);
  const index = (field: string) => names.indexOf(field);
  type Entry = { byDefault: number; grant: Condition[] | null; bans: Condition[][] };
  const table = new Map<string, Map<string, Entry>>();
  const holdsByDefault = (when: readonly Condition[]) =>
    when.every((c) => c.values.includes(rules.fields[index(c.field)]?.default as Value));
  for (const subject of rules.subjects) {
    const row = new Map<string, Entry>();
    for (const category of rules.categories) {
      const grant = rules.grants.find((g) => g.subject === subject && g.category === category);
      const bans = rules.bans
        .filter(
          (b) =>
            (b.subjects === null || b.subjects.includes(subject)) &&
            (b.categories === null || b.categories.includes(category)),
        )
        .map((b) => [...b.when]);
      const byDefault = grant && holdsByDefault(grant.when) && !bans.some(holdsByDefault) ? 1 : 0;
      row.set(category, { byDefault, grant: grant ? [...grant.when] : null, bans });
    }
    table.set(subject, row);
  }
  const defaults = new Map(rules.fields.map((f) => [f.name, f.default]));
  const holds = (when: Condition[], ctx: Record<string, unknown>) => {
    for (const c of when) {
      const v = own(ctx, c.field) ? ctx[c.field] : defaults.get(c.field);
      if (!c.values.includes(v as Value)) return false;
    }
    return true;
  };
  const decide = (entry: Entry | undefined, context: unknown): number => {
    if (!entry) return 0;
    if (context === undefined) return entry.byDefault;
    if (context === null || typeof context !== "object" || Array.isArray(context)) return 0;
    const ctx = context as Record<string, unknown>;
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      if (own(ctx, name) && !(allowed[i] as readonly unknown[]).includes(ctx[name])) return 0;
    }
    if (!entry.grant || !holds(entry.grant, ctx)) return 0;
    for (const ban of entry.bans) if (holds(ban, ctx)) return 0;
    return 1;
  };
  // Map lookups need no own-property check: a prototype name such as "toString" is simply absent.
  return question === "use"
    ? (purpose: unknown, category: unknown, context?: unknown): number =>
        typeof purpose === "string" && typeof category === "string"
          ? decide(table.get(purpose)?.get(category), context)
          : 0
    : (category: unknown, recipient: unknown, context?: unknown): number =>
        typeof category === "string" && typeof recipient === "string"
          ? decide(table.get(recipient)?.get(category), context)
          : 0;
}

const DAY = 86_400_000;

// Days since 1970-01-01 from a proleptic Gregorian date and back (month 0-based), in integers.
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m < 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 10) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
let cy = 0;
let cm = 0;
let cd = 0;
function civilFromDays(z0: number): void {
  const z = z0 + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  cd = doy - Math.floor((153 * mp + 2) / 5) + 1;
  cm = mp < 10 ? mp + 2 : mp - 10;
  cy = yoe + era * 400 + (cm < 2 ? 1 : 0);
}
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (y: number, m: number) => (m === 1 && leap(y) ? 29 : (monthDays[m] as number));

/** The day number reached by adding `months` then `days` to day `day`, month ends clamped. */
function addToDay(day: number, months: number, days: number): number {
  civilFromDays(day);
  const total = cy * 12 + cm + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12;
  return daysFromCivil(y, m, Math.min(cd, daysIn(y, m))) + days;
}

interface FloorRule {
  readonly collection: boolean;
  readonly zero: boolean;
  readonly months: number;
  readonly days: number;
  /** Erasure yields to the rule: a legal obligation, legal claims or a legal minimum. */
  readonly legal: boolean;
  /** How long erasure yields: the whole period, or only a legal minimum on another basis. */
  readonly keepMonths: number;
  readonly keepDays: number;
}
const kinds: Record<string, string> = {
  "Art. 6(1)(a)": "consent",
  "Art. 6(1)(b)": "contract",
  "Art. 6(1)(c)": "legal-obligation",
  "Art. 6(1)(f)": "legitimate-interest",
};
const basisKind = (basis: string) => kinds[declaration.bases[basis]?.gdpr ?? ""] ?? basis;
const compile = (r: {
  anchor: string;
  period: Period;
  minimum?: Period;
  basis: string;
  law: string;
  keptForLegalClaims?: boolean;
}): FloorRule => {
  const monthsOf = (p: Period) => (p.years ?? 0) * 12 + (p.months ?? 0);
  const daysOf = (p: Period) => (p.weeks ?? 0) * 7 + (p.days ?? 0);
  const months = monthsOf(r.period);
  const days = daysOf(r.period);
  // Erasure yields to a legal obligation (Art. 17(3)(b)) and to keeping for legal claims
  // (17(3)(e)) for the whole period; to a legal minimum on another basis for the minimum only.
  const whole = basisKind(r.basis) === "legal-obligation" || r.keptForLegalClaims === true;
  const minimum = !whole && r.minimum !== undefined ? r.minimum : undefined;
  const byMinimum = minimum !== undefined && monthsOf(minimum) + daysOf(minimum) > 0;
  return {
    collection: r.anchor === "collection",
    zero: months === 0 && days === 0,
    months,
    days,
    legal: whole || byMinimum,
    keepMonths: byMinimum ? monthsOf(minimum) : months,
    keepDays: byMinimum ? daysOf(minimum) : days,
  };
};
const retentionRules: Record<string, Record<string, FloorRule>> = Object.create(null);
for (const [category, byJurisdiction] of Object.entries(declaration.retention)) {
  const row: Record<string, FloorRule> = Object.create(null);
  for (const [j, r] of Object.entries(byJurisdiction)) row[j] = compile(r);
  retentionRules[category] = row;
}
const fallback = declaration.jurisdictions[0] as string;
const isDate = (v: unknown): v is Date => v instanceof Date && !Number.isNaN(v.getTime());
const field = (ctx: object, name: string) =>
  own(ctx, name) ? (ctx as Record<string, unknown>)[name] : undefined;

/** The deadline of a record anchored at `anchorMs`: the end of the UTC day the period runs out. */
const deadline = (rule: FloorRule, anchorMs: number) =>
  rule.zero ? anchorMs : (addToDay(Math.floor(anchorMs / DAY), rule.months, rule.days) + 1) * DAY;

const ruleFor = (category: unknown, ctx: object): FloorRule | undefined => {
  if (typeof category !== "string" || !own(retentionRules, category)) return undefined;
  const j = field(ctx, "jurisdiction") ?? fallback;
  const row = retentionRules[category] as Record<string, FloorRule>;
  return typeof j === "string" && own(row, j) ? row[j] : undefined;
};

/** `retentionFor` in integer calendar math: -1 when `until` is null, else until × 2 + expired. */
export function retentionForFloor(category: unknown, context: unknown): number {
  if (context === null || typeof context !== "object" || Array.isArray(context)) return -1;
  const rule = ruleFor(category, context);
  if (!rule) return -1;
  const collectedAt = field(context, "collectedAt");
  const ended = field(context, "relationshipEndedAt");
  const hold = field(context, "legalHold");
  const now = field(context, "now");
  if (!isDate(collectedAt) || (ended !== undefined && !isDate(ended))) return -1;
  if (hold !== undefined && typeof hold !== "boolean") return -1;
  if (now !== undefined && !isDate(now)) return -1;
  if (hold === true) return -1;
  const anchor = rule.collection ? collectedAt : (ended as Date | undefined);
  if (anchor === undefined) return -1;
  const until = deadline(rule, anchor.getTime());
  const nowMs = now === undefined ? Date.now() : now.getTime();
  return until * 2 + (nowMs >= until ? 1 : 0);
}

/** `retentionCutoff` by inverting the calendar addition in closed form: the cutoff in ms, -1 when null. */
export function retentionCutoffFloor(category: unknown, context: unknown): number {
  if (context === null || typeof context !== "object" || Array.isArray(context)) return -1;
  const rule = ruleFor(category, context);
  const now = field(context, "now");
  if (!rule || !isDate(now)) return -1;
  const nowMs = now.getTime();
  if (rule.zero) return nowMs + 1;
  // The least day D with D + period ≥ today; subtracting months clamps, so step a day when it did.
  const target = Math.floor(nowMs / DAY) - rule.days;
  civilFromDays(target);
  const day = cd;
  const total = cy * 12 + cm - rule.months;
  const y = Math.floor(total / 12);
  const m = total - y * 12;
  const clamped = Math.min(day, daysIn(y, m));
  const candidate = daysFromCivil(y, m, clamped);
  return (
    (clamped < day && addToDay(candidate, rule.months, 0) < target ? candidate + 1 : candidate) *
    DAY
  );
}

const gdprRights = new Set([
  "access",
  "rectification",
  "erasure",
  "restriction",
  "objection",
  "portability",
]);
const usedBy = (category: string) =>
  Object.entries(declaration.purposes)
    .filter(([, p]) => own(p.uses, category))
    .map(([id, p]) => ({ id, kind: basisKind(p.basis) }));
const portable: Record<string, boolean> = Object.create(null);
const objectable: Record<string, boolean> = Object.create(null);
for (const category of Object.keys(declaration.categories)) {
  const using = usedBy(category);
  portable[category] = using.some((p) => p.kind === "consent" || p.kind === "contract");
  objectable[category] = using.some(
    (p) => p.id === "marketing" || p.kind === "legitimate-interest",
  );
}

// §5: requests about content go to the customer, its controller (the rights options' processorFor).
const referred = new Set(["communication-content"]);

/** `canExercise`: -2 allowed, -1 denied with `until` null, else the `until` of the denial in ms. */
export function canExerciseFloor(right: unknown, category: unknown, context?: unknown): number {
  if (typeof right !== "string" || !own(declaration.rights, right) || !gdprRights.has(right))
    return -1;
  if (typeof category !== "string" || !own(declaration.categories, category)) return -1;
  if (
    context !== undefined &&
    (context === null || typeof context !== "object" || Array.isArray(context))
  )
    return -1;
  const ctx = (context ?? {}) as object;
  const ended = field(ctx, "relationshipEndedAt");
  const contact = field(ctx, "lastContactAt");
  const hold = field(ctx, "legalHold");
  const now = field(ctx, "now");
  const j = field(ctx, "jurisdiction") ?? fallback;
  if (ended !== undefined && !isDate(ended)) return -1;
  if (contact !== undefined && (!isDate(contact) || ended !== undefined)) return -1;
  if (hold !== undefined && typeof hold !== "boolean") return -1;
  if (now !== undefined && !isDate(now)) return -1;
  if (typeof j !== "string" || !declaration.jurisdictions.includes(j)) return -1;
  if (referred.has(category)) return -1;
  switch (right) {
    case "portability":
      return portable[category] ? -2 : -1;
    case "objection":
      return objectable[category] ? -2 : -1;
    case "erasure": {
      if (hold === true) return -1;
      const rule = retentionRules[category]?.[j];
      if (!rule?.legal) return -2;
      const anchor = ended ?? contact;
      if (anchor === undefined) return -1;
      const until =
        rule.keepMonths + rule.keepDays === 0
          ? anchor.getTime()
          : (addToDay(Math.floor(anchor.getTime() / DAY), rule.keepMonths, rule.keepDays) + 1) *
            DAY;
      const nowMs = now === undefined ? Date.now() : now.getTime();
      return nowMs >= until ? -2 : until;
    }
    default:
      return -2;
  }
}

// Prefix sums of the current run under both Luhn weightings, for its last 32 digits: a window's
// sum is a difference of two of them.
const evenSums = new Int32Array(32);
const oddSums = new Int32Array(32);

/** One pass over an ASCII string: any 13–19 consecutive digits of a run (letters end runs, other characters are skipped) passing Luhn. */
function textFloor(s: string): boolean {
  evenSums[0] = 0;
  oddSums[0] = 0;
  let run = 0;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      const d = c - 48;
      const dd = d * 2 > 9 ? d * 2 - 9 : d * 2;
      if ((run & 1) === 0) {
        even += d;
        odd += dd;
      } else {
        even += dd;
        odd += d;
      }
      run++;
      evenSums[run & 31] = even;
      oddSums[run & 31] = odd;
      if (run < 13) continue;
      const sums = (run & 1) === 1 ? evenSums : oddSums;
      const end = (run & 1) === 1 ? even : odd;
      for (let size = 13; size <= 19 && size <= run; size++) {
        if ((end - (sums[(run - size) & 31] as number)) % 10 === 0) return true;
      }
    } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      run = 0;
      even = 0;
      odd = 0;
      evenSums[0] = 0;
      oddSums[0] = 0;
    }
  }
  return false;
}

/** `containsFullCardNumber` over plain records: keys, strings and integers, nested objects. */
export function containsCardFloor(value: unknown): number {
  if (typeof value === "string") return textFloor(value) ? 1 : 0;
  if (typeof value === "number" || typeof value === "bigint")
    return textFloor(value.toString()) ? 1 : 0;
  if (value === null || typeof value !== "object") return 0;
  for (const key in value) {
    if (!own(value, key)) continue;
    if (textFloor(key)) return 1;
    if (containsCardFloor((value as Record<string, unknown>)[key]) === 1) return 1;
  }
  return 0;
}

/**
 * Whether every field of `names` a context gives is an own data property, checked the way the
 * guards must (no getter runs, nothing inherited counts, a Proxy is read through one descriptor
 * per field). The floors below, run after this check, show what it costs beside the rest of a
 * guard's work.
 */
function ownDataOnly(context: unknown, names: readonly string[]): boolean {
  if (context === null || typeof context !== "object") return true;
  const plain = readsPlainly(context);
  for (const name of names) {
    const value = ownValue(context, name, plain);
    if (value === INHERITED || value === ACCESSOR) return false;
  }
  return true;
}

/** {@link pairFloor} after checking the context's fields as the guards do. */
export function checkedPairFloor(question: Question) {
  const floor = pairFloor(question);
  const names = rulesOf(question).fields.map((f) => f.name);
  return (a: unknown, b: unknown, context?: unknown): number =>
    ownDataOnly(context, names) ? floor(a, b, context) : 0;
}

const retentionFields = [
  "collectedAt",
  "relationshipEndedAt",
  "lastContactAt",
  "jurisdiction",
  "legalHold",
  "now",
];
/** {@link retentionForFloor} after checking the context's fields as the guards do. */
export function checkedRetentionForFloor(category: unknown, context: unknown): number {
  return ownDataOnly(context, retentionFields) ? retentionForFloor(category, context) : -1;
}
