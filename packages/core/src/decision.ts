/** The policy a decision was made under. */
export interface PolicyRef {
  readonly id: string;
  readonly version: string;
}

/**
 * Why a decision came out as it did. `code` is stable for machines, `message` is for people,
 * `section` and `text` cite the clause of the policy the reason comes from.
 */
export interface Reason {
  readonly code: ReasonCode;
  readonly message: string;
  readonly section: string;
  readonly text: string;
}

/** The stable reason codes. */
export type ReasonCode =
  /** A rule of the policy grants the request. */
  | "permitted"
  /** No rule grants this pair. */
  | "not-permitted"
  /** A rule exists but one of its conditions does not hold. */
  | "condition-unmet"
  /** A prohibition matches and overrides every permission. */
  | "prohibited"
  /** An id, context or date is not one the policy knows or accepts. */
  | "invalid-input"
  /** The retention period has run out. */
  | "retention-expired"
  /** The retention period is still running. */
  | "retention-running"
  /** The anchor event of the retention period has not happened yet. */
  | "retention-not-started"
  /** A legal hold suspends deletion. */
  | "legal-hold"
  /** A data subject right applies, with the GDPR article it rests on. */
  | "right-applies"
  /** A data subject right does not reach this data (e.g. portability of legal-obligation data). */
  | "right-not-applicable"
  /** The person is younger than the policy's minimum age. */
  | "under-age"
  /** A transfer leaves a protected region without an adequacy decision or a valid safeguard. */
  | "transfer-unprotected"
  /** A transfer is covered: within a region, to an adequate country, or under a safeguard. */
  | "transfer-covered";

/** Something the caller must do when a request is allowed. */
export interface Obligation {
  readonly id: string;
  readonly message: string;
  readonly section: string;
}

interface DecisionCommon {
  /**
   * The jurisdiction whose rule decided, for a pair whose answer differs by jurisdiction;
   * `null` where the answer is the same in every jurisdiction (or the input was refused).
   */
  readonly jurisdiction: string | null;
  /**
   * The law the decision rests on, with its citation: the law behind a legal obligation, or
   * the law of the jurisdiction that allowed or denied; `null` where the policy names none.
   */
  readonly law: string | null;
  /** At least one for a denial; the granting rule for an allowance. */
  readonly reasons: readonly Reason[];
  readonly obligations: readonly Obligation[];
  readonly policy: PolicyRef;
}

/** `canUse` granted the purpose's use of the category, on `basis`. */
export interface AllowedUseDecision<
  P extends string = string,
  C extends string = string,
  B extends string = string,
> extends DecisionCommon {
  readonly kind: "use";
  readonly allowed: true;
  readonly purpose: P;
  readonly category: C;
  readonly basis: B;
}

/** `canUse` refused. `reasons` says why, each with its section. */
export interface DeniedUseDecision<P extends string = string, C extends string = string>
  extends DecisionCommon {
  readonly kind: "use";
  readonly allowed: false;
  readonly purpose: P;
  readonly category: C;
  readonly basis: null;
}

/** The answer to `canUse(purpose, category, context)`. */
export type UseDecision<
  P extends string = string,
  C extends string = string,
  B extends string = string,
> = AllowedUseDecision<P, C, B> | DeniedUseDecision<P, C>;

/** `canShare` granted disclosure of the category to the recipient. */
export interface AllowedShareDecision<
  C extends string = string,
  R extends string = string,
  B extends string = string,
> extends DecisionCommon {
  readonly kind: "share";
  readonly allowed: true;
  readonly category: C;
  readonly recipient: R;
  /** The lawful basis the recipient's declaration gives for the disclosure. */
  readonly basis: B;
}

/** `canShare` refused. */
export interface DeniedShareDecision<C extends string = string, R extends string = string>
  extends DecisionCommon {
  readonly kind: "share";
  readonly allowed: false;
  readonly category: C;
  readonly recipient: R;
  readonly basis: null;
}

/** The answer to `canShare(category, recipient, context)`. */
export type ShareDecision<
  C extends string = string,
  R extends string = string,
  B extends string = string,
> = AllowedShareDecision<C, R, B> | DeniedShareDecision<C, R>;

/** Any decision a guard returns. */
export type Decision = UseDecision | ShareDecision;
