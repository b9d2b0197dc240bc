import type { PolicyDeclaration } from "./declaration";
import { deepFreeze } from "./internal/deepFreeze";
import { findReferenceIssues } from "./internal/referenceIssues";
import { tableSizeIssues } from "./internal/tableSize";
import { markValidated } from "./internal/validatedPolicies";
import { PolicyDefinitionError, type PolicyDefinitionIssue } from "./PolicyDefinitionError";
import { policyDeclarationSchema } from "./policyDeclarationSchema";
import type { CheckReferences } from "./types/CheckReferences";
import type { Policy } from "./types/Policy";

export type { Policy } from "./types/Policy";

/**
 * Declares a policy once: its types, runtime tables, schemas and docs all derive from it.
 *
 * Every id stays a literal type (`const` type parameter), and a reference to an id the
 * declaration does not declare is a compile error where it is written. At runtime the
 * declaration is validated again and every problem is thrown at once as a
 * {@link PolicyDefinitionError}; the result is deep-frozen, and is the only kind of value
 * `createGuards` accepts.
 *
 * @category Declaring
 * @example
 * const policy = definePolicy({
 *   id: "acme-privacy", version: "2025-07-07", title: "Acme Privacy Policy",
 *   jurisdictions: ["us"],
 *   scopes: { use: cite, share: cite, retention: cite },
 *   bases: { consent: { section: "§3", text: "With your consent" } },
 *   categories: { email: { section: "§2", text: "your email address" } },
 *   contextFields: { consent: { kind: "flag", appliesTo: ["use"], description: "the person opted in" } },
 *   conditions: { consent: { field: "consent", section: "§3", text: "With your consent" } },
 *   obligations: {},
 *   purposes: {
 *     newsletter: { basis: "consent", section: "§3", text: "to send news", uses: { email: { when: ["consent"] } } },
 *   },
 *   recipients: {}, prohibitions: {}, rights: {},
 *   retention: { email: { us: { anchor: "collection", period: { years: 1 }, basis: "consent", law: "judgement", section: "§7", text: "as long as necessary" } } },
 * });
 */
export function definePolicy<const D extends PolicyDeclaration>(
  declaration: D & CheckReferences<D>,
): Policy<D> {
  const parsed = policyDeclarationSchema.safeParse(declaration);
  const issues: PolicyDefinitionIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join("."),
        message: issue.message,
      }));
  if (parsed.success) issues.push(...findReferenceIssues(parsed.data));
  else {
    try {
      // References are followed past a structural problem too, so one run reports everything.
      issues.push(...findReferenceIssues(declaration as never));
    } catch {
      // The shape is too broken to follow references; the structural issues say why.
    }
  }
  // Only a declaration whose references hold has tables to measure.
  if (issues.length === 0) issues.push(...tableSizeIssues(declaration));
  if (issues.length > 0) throw new PolicyDefinitionError(issues);
  // The caller's object is frozen as it is (not the parsed copy), so identity is kept.
  return markValidated(deepFreeze(declaration));
}
