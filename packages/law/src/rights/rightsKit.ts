import type {
  Obligation,
  PolicyDeclaration,
  PolicyRef,
  Reason,
  ReasonCode,
  RetentionDecision,
  RetentionRuleDeclaration,
} from "@trunkiq/policy-core";
import type { compileRetention } from "@trunkiq/policy-core/engine";
import { type BasisKind, basisKind, type GdprRight } from "./gdprRights";
import type { RightDecision, RightsOptions } from "./types";

/** A right's arguments once checked: a declared right with GDPR semantics, a declared category. */
export interface CheckedRight {
  readonly right: GdprRight;
  readonly category: string;
  readonly jurisdiction: string;
  readonly relationshipEndedAt: Date | undefined;
  readonly legalHold: boolean;
  readonly now: Date;
}

/** What a decision holds besides its right, category and jurisdiction. */
export interface DecisionFields {
  readonly allowed: boolean;
  readonly until?: Date | null;
  readonly purposes?: readonly string[];
  readonly reasons: readonly Reason[];
  readonly obligations?: readonly Obligation[];
}

/** Everything the decision of one right reads, compiled once per set of rights guards. */
export interface RightsKit {
  readonly policy: PolicyDeclaration;
  readonly policyRef: PolicyRef;
  readonly retention: ReturnType<typeof compileRetention>;
  /** Purposes that are direct marketing (Art. 21(3)). */
  readonly marketing: ReadonlySet<string>;
  /** A reason citing the right's section, or the rights scope when the right is unknown. */
  reason(code: ReasonCode, message: string, right?: string): Reason;
  obligation(id: string, message: string, right: string): Obligation;
  decision(
    c: { readonly right: string; readonly category: string; readonly jurisdiction: string },
    fields: DecisionFields,
  ): RightDecision;
  /** The purposes that use a category, with the kind of their basis. */
  purposesUsing(category: string): { readonly id: string; readonly kind: BasisKind }[];
  /** The retention rule keeping a category, whether it is a legal obligation, and until when. */
  keeping(c: CheckedRight): {
    readonly rule: RetentionRuleDeclaration;
    readonly legal: boolean;
    readonly decided: RetentionDecision | null;
  } | null;
  /** The obligations a deployment added for this right on this category. */
  judged(c: CheckedRight): readonly Obligation[];
}

/** Builds the kit from a frozen declaration, frozen options and the compiled retention rules. */
export function createRightsKit(
  policy: PolicyDeclaration,
  options: Pick<RightsOptions, "directMarketing" | "judgements">,
  retention: ReturnType<typeof compileRetention>,
): RightsKit {
  const policyRef: PolicyRef = Object.freeze({ id: policy.id, version: policy.version });
  const rightsScope = Object.values(policy.rights)[0] ?? policy.scopes.use;
  const cited = (right: string | undefined) =>
    right !== undefined && Object.hasOwn(policy.rights, right) ? policy.rights[right] : undefined;
  return {
    policy,
    policyRef,
    retention,
    marketing: new Set(options.directMarketing ?? []),
    reason: (code, message, right) => {
      const cite = cited(right);
      return Object.freeze({
        code,
        message,
        section: cite?.section ?? rightsScope.section,
        text: cite?.text ?? rightsScope.text,
      });
    },
    obligation: (id, message, right) =>
      Object.freeze({ id, message, section: policy.rights[right]?.section ?? rightsScope.section }),
    decision: (c, fields) =>
      Object.freeze({
        kind: "right" as const,
        allowed: fields.allowed,
        right: c.right,
        category: c.category,
        jurisdiction: c.jurisdiction,
        until: fields.until ?? null,
        purposes: Object.freeze([...(fields.purposes ?? [])]),
        reasons: Object.freeze([...fields.reasons]),
        obligations: Object.freeze([...(fields.obligations ?? [])]),
        policy: policyRef,
      }),
    purposesUsing: (category) =>
      Object.entries(policy.purposes)
        .filter(([, p]) => Object.hasOwn(p.uses, category))
        .map(([id, p]) => ({ id, kind: basisKind(policy, p.basis) })),
    keeping: (c) => {
      const rule = policy.retention[c.category]?.[c.jurisdiction];
      if (!rule) return null;
      const legal = basisKind(policy, rule.basis) === "legal-obligation";
      // A collection-anchored period runs from each record; once the relationship has ended no
      // record is newer than its end, so the end bounds every record's deadline.
      const anchor = c.relationshipEndedAt;
      const decided =
        anchor === undefined
          ? null
          : retention.retentionFor(c.category, {
              collectedAt: anchor,
              relationshipEndedAt: anchor,
              jurisdiction: c.jurisdiction,
              now: c.now,
            });
      return { rule, legal, decided };
    },
    judged: (c) => options.judgements?.[c.right]?.[c.category] ?? [],
  };
}
