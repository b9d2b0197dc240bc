/**
 * Thrown before any SQL is sent when a purpose-scoped query has a shape the scope cannot check:
 * a write, raw SQL, a table the data map does not hold, or a consent-conditioned column read
 * from a subquery. A column the policy refuses throws `PolicyViolationError` instead.
 *
 * @example
 * try { await marketing.db.selectFrom("audit_log").selectAll().execute() } catch (e) {
 *   if (e instanceof ScopedQueryError) log(e.message); // "audit_log is not a table of the data map"
 * }
 */
export class ScopedQueryError extends Error {
  override readonly name = "ScopedQueryError";
}
