import { addPeriod, checkedDate, readDate } from "@trunkiq/policy-core/engine";

/** When a data subject request must be answered (GDPR Art. 12(3)). */
export interface ResponseDeadline {
  /** One month from receipt: month ends clamp, so January 31 gives February 28 (29 in leap years). */
  readonly deadline: Date;
  /** Three months from receipt: the one month plus the two-month extension Art. 12(3) allows. */
  readonly extendedDeadline: Date;
}

/**
 * The Art. 12(3) deadlines of a request received at `receivedAt`, counted in UTC calendar
 * months so the result does not depend on the machine's time zone. The extension is counted
 * from receipt (three months), not from the clamped first deadline, so January 31 extends to
 * April 30, not April 28. Returns `null` for an invalid date.
 *
 * @category Rights
 * @example
 * responseDeadline(new Date("2025-01-31T10:00:00Z"));
 * // { deadline: 2025-02-28T10:00:00Z, extendedDeadline: 2025-04-30T10:00:00Z }
 */
export function responseDeadline(receivedAt: Date): ResponseDeadline | null {
  // Read through the intrinsic: a Date subclass or Proxy cannot lie about its time.
  const received = readDate(receivedAt);
  if (received === undefined) return null;
  const deadline = checkedDate(addPeriod(received, { months: 1 }));
  const extendedDeadline = checkedDate(addPeriod(received, { months: 3 }));
  if (deadline === undefined || extendedDeadline === undefined) return null;
  return Object.freeze({ deadline, extendedDeadline });
}
