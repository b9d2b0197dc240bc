import type { RetentionPeriod } from "@trunkiq/policy-core";
import {
  createGuards,
  type Decision,
  type Policy,
  type RetentionRuleDeclaration,
} from "@trunkiq/policy-core";
import {
  type FieldValue,
  type Pair,
  pairFields,
  pairsOf,
  questionFields,
  spacePoints,
} from "./questionSpace";
import { retentionText } from "./retentionText";

/** How a change moves what the policy permits. */
export type ChangeKind = "widening" | "narrowing" | "neutral";

/** A decision reduced to what a diff compares. */
export interface DiffOutcome {
  readonly allowed: boolean;
  readonly basis: string | null;
  readonly reasons: readonly string[];
  readonly obligations: readonly string[];
}

/** One question whose answer moved: a pair in one context, answered by both versions. */
export interface QuestionChange {
  readonly question: "use" | "share";
  readonly purpose?: string;
  readonly category: string;
  readonly recipient?: string;
  /** The context fields stated; every field the pair reads is either here or in `omitted`. */
  readonly context: Readonly<Record<string, FieldValue>>;
  /**
   * The fields left out, so each version applies its own default: only fields whose defaults
   * differ between the versions; elsewhere a stated default stands for leaving the field out.
   */
  readonly omitted: readonly string[];
  readonly before: DiffOutcome;
  readonly after: DiffOutcome;
}

/** One change between two versions of a policy, with the questions it moves. */
export interface PolicyChange {
  readonly kind: ChangeKind;
  readonly what: string;
  readonly detail: string;
  /** For a use or share change: every question it widens or narrows. */
  readonly questions?: readonly QuestionChange[];
}

// Both versions at core's limit of 4096 combinations per pair, reading different fields, make
// 2^24 questions, too many to ask in seconds; 2^20 leaves a version at the limit room for eight
// more flags in the other. Sampling fewer questions instead would make the verdict a guess.
const MAX_PAIR_POINTS = 2 ** 20;

const keys = (o: object) => Object.keys(o);
const added = <T>(a: readonly T[], b: readonly T[]) => b.filter((x) => !a.includes(x));

// Lengths compare on an average calendar: only which of two periods is longer matters here.
const days = (d: RetentionPeriod) =>
  (d.years ?? 0) * 365.2425 + (d.months ?? 0) * 30.436875 + (d.weeks ?? 0) * 7 + (d.days ?? 0);

const outcome = (d: Decision): DiffOutcome => ({
  allowed: d.allowed,
  basis: d.basis,
  reasons: d.reasons.map((r) => r.code),
  obligations: d.obligations.map((o) => o.id),
});

/** Widening: denied became allowed, or an allowed answer lost an obligation. Narrowing: the converse. */
function classify(before: DiffOutcome, after: DiffOutcome): ChangeKind {
  if (!before.allowed) return after.allowed ? "widening" : "neutral";
  if (!after.allowed) return "narrowing";
  if (added(after.obligations, before.obligations).length > 0) return "widening";
  if (added(before.obligations, after.obligations).length > 0) return "narrowing";
  return "neutral";
}

/** `consent=false storage=(default)`, or `(no context)` for a pair that reads none. */
export function contextText(q: Pick<QuestionChange, "context" | "omitted">): string {
  const stated = Object.entries(q.context).map(([k, v]) => `${k}=${v}`);
  const parts = [...stated, ...q.omitted.map((k) => `${k}=(default)`)].sort();
  return parts.length > 0 ? parts.join(" ") : "(no context)";
}

/** `allowed on consent [notify-customer]` or `denied (condition-unmet)`. */
export function outcomeText(o: DiffOutcome): string {
  if (!o.allowed) return `denied (${o.reasons.join(", ")})`;
  const obligations = o.obligations.length > 0 ? ` [${o.obligations.join(", ")}]` : "";
  return `allowed on ${o.basis}${obligations}`;
}

function pairName(pair: Pair) {
  return pair.question === "use"
    ? `use ${pair.actor} → ${pair.category}`
    : `share ${pair.category} → ${pair.actor}`;
}

/** Asks both versions every question of every pair and groups the answers that moved. */
function compareQuestions(out: PolicyChange[], before: Policy, after: Policy) {
  const guards = [createGuards(before), createGuards(after)] as const;
  const fields = {
    use: questionFields(before, after, "use"),
    share: questionFields(before, after, "share"),
  };
  for (const pair of pairsOf(before, after)) {
    const space = pairFields(before, after, pair, fields[pair.question]);
    const points = space.reduce((n, f) => n * (f.values.length + (f.omittable ? 1 : 0)), 1);
    if (points > MAX_PAIR_POINTS) {
      throw new RangeError(
        `${pairName(pair)} reads ${points} combinations of context values across both versions; a diff asks at most ${MAX_PAIR_POINTS}`,
      );
    }
    const moved = { widening: [] as QuestionChange[], narrowing: [] as QuestionChange[] };
    const bases = new Set<string>();
    let total = 0;
    for (const point of spacePoints(space)) {
      total++;
      const [a, b] = guards.map((g) =>
        outcome(
          pair.question === "use"
            ? g.canUse(pair.actor as never, pair.category as never, point.context as never)
            : g.canShare(pair.category as never, pair.actor as never, point.context as never),
        ),
      ) as [DiffOutcome, DiffOutcome];
      if (a.allowed && b.allowed && a.basis !== b.basis) bases.add(`basis ${a.basis} → ${b.basis}`);
      const kind = classify(a, b);
      if (kind === "neutral") continue;
      moved[kind].push({
        question: pair.question,
        ...(pair.question === "use"
          ? { purpose: pair.actor, category: pair.category }
          : { category: pair.category, recipient: pair.actor }),
        context: point.context,
        omitted: point.omitted,
        before: a,
        after: b,
      });
    }
    const what = pairName(pair);
    for (const kind of ["widening", "narrowing"] as const) {
      const questions = moved[kind];
      if (questions.length === 0) continue;
      const granted = questions.filter((q) => q.before.allowed !== q.after.allowed).length;
      const parts = [
        granted > 0 && `${kind === "widening" ? "allowed where denied" : "denied where allowed"}`,
        granted < questions.length &&
          `${kind === "widening" ? "obligations dropped" : "obligations added"}`,
      ].filter(Boolean);
      const where = total === 1 ? "" : ` in ${questions.length} of ${total} contexts`;
      out.push({ kind, what, detail: `${parts.join(", ")}${where}`, questions });
    }
    for (const basis of bases) out.push({ kind: "neutral", what, detail: basis });
  }
}

/** Retention widens when a period, maximum or minimum grows or the anchor moves later. */
function compareRetention(
  out: PolicyChange[],
  what: string,
  a: RetentionRuleDeclaration | undefined,
  b: RetentionRuleDeclaration | undefined,
) {
  if (!a && b)
    out.push({ kind: "narrowing", what, detail: `erasure limit added: ${retentionText(b)}` });
  else if (a && !b)
    out.push({ kind: "widening", what, detail: `erasure limit removed (was ${retentionText(a)})` });
  if (!a || !b) return;
  const change = `${retentionText(a)} → ${retentionText(b)}`;
  const longer = days(b.period) - days(a.period);
  const anchor = a.anchor === b.anchor ? 0 : a.anchor === "collection" ? 1 : -1; // relationship-end is later
  if (longer > 0 || (longer === 0 && anchor > 0))
    out.push({ kind: "widening", what, detail: `longer retention: ${change}` });
  else if (longer < 0 || (longer === 0 && anchor < 0))
    out.push({ kind: "narrowing", what, detail: `shorter retention: ${change}` });
  else if (change.split(" → ")[0] !== change.split(" → ")[1] || a.law !== b.law)
    out.push({ kind: "neutral", what, detail: `retention restated: ${change} (${b.law})` });
  // An absent maximum allows any length; an absent minimum allows none.
  const limit = (d: RetentionPeriod | undefined, none: number) =>
    d === undefined ? none : days(d);
  const text = (d: RetentionPeriod | undefined) =>
    d === undefined ? "none" : retentionText({ period: d, anchor: b.anchor });
  for (const [name, none] of [
    ["maximum", Number.POSITIVE_INFINITY],
    ["minimum", 0],
  ] as const) {
    const grew = limit(b[name], none) - limit(a[name], none);
    if (grew === 0 || Number.isNaN(grew)) continue;
    out.push({
      kind: grew > 0 ? "widening" : "narrowing",
      what,
      detail: `${grew > 0 ? "higher" : "lower"} ${name}: ${text(a[name])} → ${text(b[name])}`,
    });
  }
}

/** Id sets: an added id widens when one of its questions widens, a removed one narrows likewise. */
function compareIds(
  out: PolicyChange[],
  questions: readonly PolicyChange[],
  what: "purposes" | "categories" | "recipients",
  label: string,
  before: readonly string[],
  after: readonly string[],
) {
  const involves = (c: PolicyChange, id: string) =>
    (c.questions ?? []).some(
      (q) => q.category === id || (what === "purposes" ? q.purpose : q.recipient) === id,
    );
  const moved = (id: string, kind: ChangeKind) =>
    questions.some((c) => c.kind === kind && involves(c, id));
  for (const id of added(before, after))
    out.push({
      kind: moved(id, "widening") ? "widening" : "neutral",
      what,
      detail: `${label} ${id} added`,
    });
  for (const id of added(after, before))
    out.push({
      kind: moved(id, "narrowing") ? "narrowing" : "neutral",
      what,
      detail: `${label} ${id} removed`,
    });
}

/**
 * Every change between two policy versions, classed by what they answer, not how they are
 * written. Both versions' guards are asked every use and share question: each pair in every
 * combination of the values of the context fields either version reads, in every jurisdiction,
 * with a field also left out where the versions' defaults differ. A question widens when its answer goes from denied to allowed or an
 * allowed answer loses an obligation; a retention rule widens when its period, maximum or
 * minimum grows or its anchor moves later. Narrowing is the converse; other edits are neutral.
 * Both declarations must pass `definePolicy`.
 *
 * @category Diff
 * @example
 * diffPolicies(old, next).some((c) => c.kind === "widening"); // notify under §11
 */
export function diffPolicies(before: Policy, after: Policy): PolicyChange[] {
  const out: PolicyChange[] = [];
  if (before.version !== after.version) {
    out.push({
      kind: "neutral",
      what: "policy",
      detail: `version ${before.version} → ${after.version}`,
    });
  }
  const questions: PolicyChange[] = [];
  compareQuestions(questions, before, after);
  compareIds(out, questions, "purposes", "purpose", keys(before.purposes), keys(after.purposes));
  compareIds(
    out,
    questions,
    "categories",
    "data category",
    keys(before.categories),
    keys(after.categories),
  );
  compareIds(
    out,
    questions,
    "recipients",
    "recipient",
    keys(before.recipients),
    keys(after.recipients),
  );
  out.push(...questions);

  for (const c of new Set([...keys(before.retention), ...keys(after.retention)])) {
    // A category added or removed is reported above; its rules come and go with it.
    if (!Object.hasOwn(before.categories, c) || !Object.hasOwn(after.categories, c)) continue;
    const js = new Set([...keys(before.retention[c] ?? {}), ...keys(after.retention[c] ?? {})]);
    for (const j of js) {
      compareRetention(
        out,
        `retention ${c} (${j})`,
        before.retention[c]?.[j],
        after.retention[c]?.[j],
      );
    }
    // A record that names no jurisdiction is kept under the first one.
    const [ja, jb] = [before.jurisdictions[0], after.jurisdictions[0]];
    if (ja !== jb) {
      compareRetention(
        out,
        `retention ${c} (default jurisdiction ${ja} → ${jb})`,
        before.retention[c]?.[ja],
        after.retention[c]?.[jb],
      );
    }
  }
  return out;
}
