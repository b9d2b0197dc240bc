import type {
  Citation,
  JurisdictionVariant,
  JurisdictionVariants,
  LawDeclaration,
  ObligationReference,
  RuleDeclaration,
} from "../declaration";

/** A purpose or a recipient, as far as its rules in each jurisdiction go. */
export interface Actor extends Citation {
  readonly basis: string;
  readonly law?: LawDeclaration;
  readonly jurisdictions?: JurisdictionVariants;
}

/** One way a pair may be allowed: all of `when`, none of `unless`, on `basis` under `law`. */
export interface Alternative {
  readonly basis: string;
  readonly law: string | null;
  readonly when: readonly string[];
  readonly unless: readonly string[];
  readonly obligations: readonly ObligationReference[];
  readonly section: string;
  readonly text: string;
}

/** How a pair is decided in one jurisdiction: denied by its law, or allowed by an alternative. */
export type RuleInJurisdiction =
  | { readonly denied: true; readonly law: string; readonly section: string; readonly text: string }
  | { readonly denied: false; readonly alternatives: readonly Alternative[] };

const hasKeys = (record: object | undefined) =>
  record !== undefined && Object.keys(record).length > 0;

/** Whether a rule's answer differs by jurisdiction: it, or its actor, declares variants. */
export function hasVariants(actor: Actor, rule: RuleDeclaration | undefined): boolean {
  return rule !== undefined && (hasKeys(rule.jurisdictions) || hasKeys(actor.jurisdictions));
}

/** The variant of a rule in a jurisdiction: the rule's own, else its actor's, else none. */
export function variantIn(
  actor: Actor,
  rule: RuleDeclaration,
  jurisdiction: string,
): JurisdictionVariant | undefined {
  const own = (variants: JurisdictionVariants | undefined) =>
    variants !== undefined && Object.hasOwn(variants, jurisdiction)
      ? variants[jurisdiction]
      : undefined;
  return own(rule.jurisdictions) ?? own(actor.jurisdictions);
}

/** Every variant a rule can take, whichever jurisdiction is asked. */
export function allVariants(actor: Actor, rule: RuleDeclaration): JurisdictionVariant[] {
  return [...Object.values(rule.jurisdictions ?? {}), ...Object.values(actor.jurisdictions ?? {})];
}

/** The condition ids the variants of a rule add. */
export function variantConditionIds(actor: Actor, rule: RuleDeclaration): string[] {
  const ids: string[] = [];
  for (const variant of allVariants(actor, rule)) {
    if (!Array.isArray(variant) && "denied" in variant) continue;
    for (const alternative of Array.isArray(variant) ? variant : [variant]) {
      ids.push(...(alternative.when ?? []), ...(alternative.unless ?? []));
      for (const o of alternative.obligations ?? [])
        if (typeof o !== "string") ids.push(...(o.unless ?? []));
    }
  }
  return ids;
}

/**
 * The rule of a pair in a jurisdiction (`null`: one the rule does not depend on). A variant adds
 * its conditions and obligations to the rule's and replaces its basis, law and citation.
 */
export function ruleIn(
  actor: Actor,
  rule: RuleDeclaration,
  jurisdiction: string | null,
): RuleInJurisdiction {
  const variant = jurisdiction === null ? undefined : variantIn(actor, rule, jurisdiction);
  const section = rule.section ?? actor.section;
  const text = rule.text ?? actor.text;
  if (variant !== undefined && !Array.isArray(variant) && "denied" in variant) {
    return {
      denied: true,
      law: variant.law,
      section: variant.section ?? section,
      text: variant.text ?? text,
    };
  }
  // The actor's law binds only where it says; elsewhere a variant decides (checked by definePolicy).
  const actorLaw = actor.law?.name ?? null;
  const alternatives = variant === undefined ? [{ law: undefined }] : [variant].flat();
  return {
    denied: false,
    alternatives: alternatives.map((a) => ({
      basis: ("basis" in a ? a.basis : undefined) ?? actor.basis,
      law: a.law ?? actorLaw,
      when: [...(rule.when ?? []), ...(("when" in a ? a.when : undefined) ?? [])],
      unless: [...(rule.unless ?? []), ...(("unless" in a ? a.unless : undefined) ?? [])],
      obligations: [
        ...(rule.obligations ?? []),
        ...(("obligations" in a ? a.obligations : undefined) ?? []),
      ],
      section: ("section" in a ? a.section : undefined) ?? section,
      text: ("text" in a ? a.text : undefined) ?? text,
    })),
  };
}
