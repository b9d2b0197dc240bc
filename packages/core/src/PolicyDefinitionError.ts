/** One problem found in a policy declaration, with the path to the offending value. */
export interface PolicyDefinitionIssue {
  /** Dotted path into the declaration, e.g. `purposes.marketing.uses.kyc-doc`. */
  readonly path: string;
  readonly message: string;
}

/**
 * Thrown by `definePolicy` when a declaration is inconsistent. It lists every problem at once,
 * so one run of the tests shows all that needs fixing.
 *
 * @example
 * try { definePolicy(declaration) } catch (e) {
 *   if (e instanceof PolicyDefinitionError) for (const i of e.issues) console.error(i.path, i.message);
 * }
 */
export class PolicyDefinitionError extends Error {
  override readonly name = "PolicyDefinitionError";
  readonly issues: readonly PolicyDefinitionIssue[];

  constructor(issues: readonly PolicyDefinitionIssue[]) {
    const lines = issues.map((issue) => `  - ${issue.path || "(root)"}: ${issue.message}`);
    super(`The policy declaration has ${issues.length} problem(s):\n${lines.join("\n")}`);
    this.issues = Object.freeze([...issues]);
  }
}
