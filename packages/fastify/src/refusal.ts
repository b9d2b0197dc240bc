import type { Reason, UseDecision } from "@trunkiq/policy-core";

/** A reason as a client may see it: the code, what was wrong, and the policy section. */
export interface RefusalReason {
  readonly code: Reason["code"];
  readonly message: string;
  readonly section: string;
}

/** The body of a 403 (the policy denies) or a 400 (the request is malformed). */
export interface RefusalBody {
  readonly error: "denied" | "invalid-input";
  readonly purpose: string;
  readonly category: string;
  readonly reasons: readonly RefusalReason[];
  readonly policy: { readonly id: string; readonly version: string };
}

// A decision's message on invalid input quotes the value it refused; a response names the
// field only, so nothing a client sent (which may be personal data) is echoed back.
const QUOTED_VALUE = /, got .*$/s;

/** The client-facing body of a denied decision, and its status: 400 for invalid input, else 403. */
export function refusalOf(
  decision: UseDecision,
  purpose: string,
  category: string,
): { status: 400 | 403; body: RefusalBody } {
  const invalid = decision.reasons.some((r) => r.code === "invalid-input");
  return {
    status: invalid ? 400 : 403,
    body: {
      error: invalid ? "invalid-input" : "denied",
      purpose,
      category,
      reasons: decision.reasons.map((r) => ({
        code: r.code,
        message: r.message.replace(QUOTED_VALUE, ""),
        section: r.section,
      })),
      policy: { id: decision.policy.id, version: decision.policy.version },
    },
  };
}
