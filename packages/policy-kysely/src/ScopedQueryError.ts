/**
 * Thrown before any SQL is sent when a purpose-scoped query has a shape the scope cannot check:
 * a delete, raw SQL, a table or column the data map does not hold, a consent-conditioned
 * column read from a subquery or inserted (an insert cannot be narrowed to consenting rows),
 * or a full card number written without the policy's card category to cite. A column the policy refuses throws `PolicyViolationError` instead.
 *
 * @example
 * try { await marketing.db.selectFrom("audit_log").selectAll().execute() } catch (e) {
 *   if (e instanceof ScopedQueryError) log(e.message); // "audit_log is not a table of the data map"
 * }
 */
export class ScopedQueryError extends Error {
  override readonly name = "ScopedQueryError";
}
