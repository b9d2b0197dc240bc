import {
  type BasisOf,
  type CategoryOf,
  contextSpace,
  createGuards,
  type JurisdictionOf,
  type Policy,
  type PolicyDeclaration,
  type PurposeOf,
  type RecipientOf,
  type RetentionContext,
  type RightOf,
  type ShareDecision,
  type UseDecision,
} from "@trunkiq/policy-core";
import type { ContextOf } from "@trunkiq/policy-core/types";
import fc from "fast-check";
import { dateArb } from "./internal/dates";
import { hostileContextArb, hostileIdArb } from "./internal/hostile";
import { idArb } from "./internal/ids";

/** A `canUse` question: the arguments of one call. */
export interface UseQuestion<D extends PolicyDeclaration> {
  readonly purpose: PurposeOf<D>;
  readonly category: CategoryOf<D>;
  readonly context: ContextOf<D, "use">;
}

/** A `canShare` question: the arguments of one call. */
export interface ShareQuestion<D extends PolicyDeclaration> {
  readonly category: CategoryOf<D>;
  readonly recipient: RecipientOf<D>;
  readonly context: ContextOf<D, "share">;
}

/** A `retentionFor` question for a category that has retention rules. */
export interface RetentionQuestion<D extends PolicyDeclaration> {
  readonly category: CategoryOf<D>;
  readonly context: RetentionContext<JurisdictionOf<D>>;
}

/** The arbitraries {@link createArbitraries} derives from one declaration. */
export interface PolicyArbitraries<D extends PolicyDeclaration> {
  /** Every declared purpose. */
  readonly purposeArb: fc.Arbitrary<PurposeOf<D>>;
  /** Every declared data category. */
  readonly categoryArb: fc.Arbitrary<CategoryOf<D>>;
  /** Every declared recipient. */
  readonly recipientArb: fc.Arbitrary<RecipientOf<D>>;
  /** Every declared lawful basis. */
  readonly basisArb: fc.Arbitrary<BasisOf<D>>;
  /** Every declared data subject right. */
  readonly rightArb: fc.Arbitrary<RightOf<D>>;
  /** Every declared jurisdiction. */
  readonly jurisdictionArb: fc.Arbitrary<JurisdictionOf<D>>;
  /** Categories with at least one retention rule. */
  readonly retentionCategoryArb: fc.Arbitrary<CategoryOf<D>>;
  /** Well-formed `canUse` contexts: each field the question reads (and `jurisdiction`) set to a declared value or omitted. */
  readonly useContextArb: fc.Arbitrary<ContextOf<D, "use">>;
  /** Well-formed `canShare` contexts, built like `useContextArb`. */
  readonly shareContextArb: fc.Arbitrary<ContextOf<D, "share">>;
  /** Contexts of the wrong shape or with undeclared values, including objects whose getters throw. Some may happen to be well-formed (`{}`). */
  readonly hostileContextArb: fc.Arbitrary<unknown>;
  /** Dates from 1970 to 2100, drawing month ends, leap days and midnights often. */
  readonly dateArb: fc.Arbitrary<Date>;
  /** Retention contexts with dates from 1970 to 2100; every optional field is sometimes omitted. */
  readonly retentionContextArb: fc.Arbitrary<RetentionContext<JurisdictionOf<D>>>;
  /** Any purpose, any category, any well-formed context. */
  readonly useQuestionArb: fc.Arbitrary<UseQuestion<D>>;
  /** Any category, any recipient, any well-formed context. */
  readonly shareQuestionArb: fc.Arbitrary<ShareQuestion<D>>;
  /** A category with retention rules and a retention context. */
  readonly retentionQuestionArb: fc.Arbitrary<RetentionQuestion<D>>;
  /** Pairs no context allows (found by asking the guards in every context), with a random context. */
  readonly forbiddenUseArb: fc.Arbitrary<UseQuestion<D>>;
  /** Category–recipient pairs no context allows, with a random context. */
  readonly forbiddenShareArb: fc.Arbitrary<ShareQuestion<D>>;
  /** Questions `canUse` allows: a pair with one of the contexts that allows it. */
  readonly allowedUseArb: fc.Arbitrary<UseQuestion<D>>;
  /** Questions `canShare` allows. */
  readonly allowedShareArb: fc.Arbitrary<ShareQuestion<D>>;
  /**
   * Anything but a declared id: random strings, `"__proto__"`, `"constructor"`, `"toString"`,
   * `""`, strings up to 100 000 characters, near misses (`"MARKETING"`, `" marketing"`), boxed
   * strings, arrays, objects whose `toString` returns an id, symbols, functions, `null`, `NaN`.
   */
  readonly hostileIdArb: fc.Arbitrary<unknown>;
}

type LooseGuard<Dec> = (a: string, b: string, context: object) => Dec;

/**
 * Derives fast-check arbitraries from a policy declaration. Nothing is listed by hand: ids,
 * context fields and their values, jurisdictions and retention categories come from the
 * declaration, and the forbidden and allowed pairs from asking its guards in every context
 * (`contextSpace` of `@trunkiq/policy-core`), so a change to the policy changes what is generated.
 *
 * @category Generating
 * @example
 * import type { ContextOf } from "@trunkiq/policy-core/types";
import fc from "fast-check";
 * import { policy, canUse } from "@trunkiq/privacy-policy";
 * import { createArbitraries, expectDenied } from "@trunkiq/policy-testing";
 *
 * const arbs = createArbitraries(policy);
 * fc.assert(
 *   fc.property(arbs.forbiddenUseArb, ({ purpose, category, context }) => {
 *     expectDenied(canUse(purpose, category, context));
 *   }),
 * );
 */
export function createArbitraries<const D extends PolicyDeclaration>(
  policy: D,
): PolicyArbitraries<D> {
  type P = PurposeOf<D>;
  type C = CategoryOf<D>;
  type R = RecipientOf<D>;
  type J = JurisdictionOf<D>;
  const keys = <K extends string>(record: object) => Object.keys(record) as K[];

  const purposeArb = idArb("purposes", keys<P>(policy.purposes));
  const categoryArb = idArb("categories", keys<C>(policy.categories));
  const recipientArb = idArb("recipients", keys<R>(policy.recipients));
  const basisArb = idArb("lawful bases", keys<BasisOf<D>>(policy.bases));
  const rightArb = idArb("rights", keys<RightOf<D>>(policy.rights));
  const jurisdictionArb = idArb("jurisdictions", policy.jurisdictions as readonly J[]);
  const retentionCategoryArb = idArb("retention rules", keys<C>(policy.retention));

  const contextArb = <Q extends "use" | "share">(question: Q) => {
    const model: Record<string, fc.Arbitrary<string | boolean>> = {};
    for (const [name, field] of Object.entries(policy.contextFields)) {
      if (!field.appliesTo.includes(question)) continue;
      model[name] =
        field.kind === "flag"
          ? fc.boolean()
          : // `true`/`false` stand for values of a choice that used to be a flag.
            fc.constantFrom(...field.values, ...(field.flagValues ? [true, false] : []));
    }
    model.jurisdiction = jurisdictionArb;
    return fc.record(model, { requiredKeys: [] }) as unknown as fc.Arbitrary<ContextOf<D, Q>>;
  };
  const useContextArb = contextArb("use");
  const shareContextArb = contextArb("share");

  const retentionContextArb = fc.record(
    {
      collectedAt: dateArb,
      relationshipEndedAt: dateArb,
      jurisdiction: jurisdictionArb,
      legalHold: fc.boolean(),
      now: dateArb,
    },
    { requiredKeys: ["collectedAt"] },
  ) as fc.Arbitrary<RetentionContext<J>>;

  // A declaration that skipped definePolicy is refused here, as createGuards refuses it.
  const guards = createGuards(policy as Policy<D>);
  const canUse = guards.canUse as unknown as LooseGuard<UseDecision>;
  const canShare = guards.canShare as unknown as LooseGuard<ShareDecision>;
  const useContexts = contextSpace(policy, "use");
  const shareContexts = contextSpace(policy, "share");

  const forbiddenUses: { purpose: P; category: C }[] = [];
  const allowedUses: UseQuestion<D>[] = [];
  for (const purpose of keys<P>(policy.purposes)) {
    for (const category of keys<C>(policy.categories)) {
      const allowing = useContexts.filter((c) => canUse(purpose, category, c).allowed);
      if (allowing.length === 0) forbiddenUses.push({ purpose, category });
      for (const context of allowing) allowedUses.push({ purpose, category, context });
    }
  }
  const forbiddenShares: { category: C; recipient: R }[] = [];
  const allowedShares: ShareQuestion<D>[] = [];
  for (const category of keys<C>(policy.categories)) {
    for (const recipient of keys<R>(policy.recipients)) {
      const allowing = shareContexts.filter((c) => canShare(category, recipient, c).allowed);
      if (allowing.length === 0) forbiddenShares.push({ category, recipient });
      for (const context of allowing) allowedShares.push({ category, recipient, context });
    }
  }

  const declared = new Set<string>([
    ...Object.keys(policy.purposes),
    ...Object.keys(policy.categories),
    ...Object.keys(policy.recipients),
    ...Object.keys(policy.bases),
    ...Object.keys(policy.rights),
    ...policy.jurisdictions,
  ]);

  return Object.freeze({
    purposeArb,
    categoryArb,
    recipientArb,
    basisArb,
    rightArb,
    jurisdictionArb,
    retentionCategoryArb,
    useContextArb,
    shareContextArb,
    hostileContextArb: hostileContextArb([...Object.keys(policy.contextFields), "jurisdiction"]),
    dateArb,
    retentionContextArb,
    useQuestionArb: fc.record({
      purpose: purposeArb,
      category: categoryArb,
      context: useContextArb,
    }),
    shareQuestionArb: fc.record({
      category: categoryArb,
      recipient: recipientArb,
      context: shareContextArb,
    }),
    retentionQuestionArb: fc.record({
      category: retentionCategoryArb,
      context: retentionContextArb,
    }),
    forbiddenUseArb: idArb("use pair that no context allows", forbiddenUses).chain((pair) =>
      useContextArb.map((context) => ({ ...pair, context })),
    ),
    forbiddenShareArb: idArb("share pair that no context allows", forbiddenShares).chain((pair) =>
      shareContextArb.map((context) => ({ ...pair, context })),
    ),
    allowedUseArb: idArb("use question that is allowed", allowedUses),
    allowedShareArb: idArb("share question that is allowed", allowedShares),
    hostileIdArb: hostileIdArb(declared),
  });
}
