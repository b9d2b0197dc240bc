import type {
  AllowedShareDecision,
  AllowedUseDecision,
  DeniedShareDecision,
  DeniedUseDecision,
} from "../decision";
import type { PolicyDeclaration } from "../declaration";
import type { RetentionCutoff, RetentionDecision } from "../retention";
import type {
  BasisOf,
  BasisOfPurpose,
  BasisOfRecipient,
  CategoryOf,
  JurisdictionOf,
  PurposeOf,
  RecipientOf,
} from "./Ids";

/**
 * What `untrusted.canUse` answers: an allowance names declared ids only, so after checking
 * `allowed` the ids are typed; a denial may echo what the caller sent (as a string).
 */
export type UntrustedUseDecision<D extends PolicyDeclaration> =
  | AllowedUseDecision<PurposeOf<D>, CategoryOf<D>, BasisOfPurpose<D, PurposeOf<D>>>
  | DeniedUseDecision;

/** What `untrusted.canShare` answers, typed like {@link UntrustedUseDecision}. */
export type UntrustedShareDecision<D extends PolicyDeclaration> =
  | AllowedShareDecision<CategoryOf<D>, RecipientOf<D>, BasisOfRecipient<D, RecipientOf<D>>>
  | DeniedShareDecision;

/**
 * The guards for values from outside the program (a request, a queue, a file): every argument
 * is `unknown`, so no cast is needed to ask, and nothing undeclared gets through. A purpose,
 * category, recipient or context field the policy does not declare, or a value of the wrong
 * type, is denied with reason `invalid-input` whose message names the field. They decide
 * exactly as the typed guards do, and each call emits one decision event.
 *
 * @category Guards
 * @example
 * const decision = guards.untrusted.canShare(request.body.category, "analytics-vendor", request.body.context);
 * if (!decision.allowed) return reply.code(403).send(decision.reasons);
 * decision.category; // a declared category id, typed
 */
export interface UntrustedGuards<D extends PolicyDeclaration> {
  /**
   * May `purpose` use `category`, for ids and a context read from outside? Never throws.
   *
   * @example
   * guards.untrusted.canUse(query.purpose, query.category, { consent: body.consent });
   */
  canUse(purpose: unknown, category: unknown, context?: unknown): UntrustedUseDecision<D>;
  /**
   * May `category` be disclosed to `recipient`, for ids and a context read from outside? Never throws.
   *
   * @example
   * guards.untrusted.canShare(body.category, "authority", { legalProcess: body.legalProcess });
   */
  canShare(category: unknown, recipient: unknown, context?: unknown): UntrustedShareDecision<D>;
  /**
   * When is a record due for deletion, for a category and context read from outside? Never throws;
   * never `expired: true` for invalid input.
   *
   * @example
   * guards.untrusted.retentionFor(row.category, { collectedAt: row.createdAt, jurisdiction: row.region });
   */
  retentionFor(
    category: unknown,
    context: unknown,
  ): RetentionDecision<string, JurisdictionOf<D> | string, BasisOf<D>>;
  /**
   * The anchor date before which records are expired, for a category and context read from outside.
   *
   * @example
   * guards.untrusted.retentionCutoff(argv.category, { now: new Date(), jurisdiction: argv.jurisdiction });
   */
  retentionCutoff(
    category: unknown,
    context: unknown,
  ): RetentionCutoff<string, JurisdictionOf<D> | string, BasisOf<D>>;
}
