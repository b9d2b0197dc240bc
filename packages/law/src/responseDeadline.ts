import { addPeriod, checkedDate, readDate } from "@trunkiq/policy-core/engine";

/**
 * The laws that set when a data subject request must be answered, with their periods counted
 * from receipt: GDPR and UK GDPR Art. 12(3), one month extendable by two further months; the
 * CCPA (Cal. Civ. Code 1798.130(a)(2)(A)) and the state laws modelled on it, 45 days
 * extendable once by 45 more.
 */
export const responseLaws = Object.freeze({
  gdpr: Object.freeze({
    deadline: Object.freeze({ months: 1 }),
    extended: Object.freeze({ months: 3 }),
    law: "GDPR Art. 12(3)",
    extension: "with reasons given within the first month",
  }),
  "uk-gdpr": Object.freeze({
    deadline: Object.freeze({ months: 1 }),
    extended: Object.freeze({ months: 3 }),
    law: "UK GDPR Art. 12(3)",
    extension: "with reasons given within the first month",
  }),
  ccpa: Object.freeze({
    deadline: Object.freeze({ days: 45 }),
    extended: Object.freeze({ days: 90 }),
    law: "Cal. Civ. Code 1798.130(a)(2)(A)",
    extension: "once, with notice and reasons given within the first 45 days",
  }),
});
/** The id of a law in {@link responseLaws}. */
export type ResponseLaw = keyof typeof responseLaws;

/** `true` for the id of a law in {@link responseLaws}. */
export const isResponseLaw = (law: unknown): law is ResponseLaw =>
  typeof law === "string" && Object.hasOwn(responseLaws, law);

/** When a data subject request must be answered. */
export interface ResponseDeadline {
  /** One month from receipt under the GDPR (month ends clamp: January 31 gives February 28), 45 days under the CCPA. */
  readonly deadline: Date;
  /** With the extension the law allows: three months from receipt under the GDPR, 90 days under the CCPA. */
  readonly extendedDeadline: Date;
}

/**
 * The deadlines of a request received at `receivedAt` under `law`, counted in UTC calendar
 * units so the result does not depend on the machine's time zone. The extension is counted
 * from receipt, not from the clamped first deadline, so a GDPR request of January 31 extends to
 * April 30, not April 28. Returns `null` for an invalid date or an unknown law.
 *
 * @category Rights
 * @example
 * responseDeadline(new Date("2025-01-31T10:00:00Z"), "gdpr");
 * // { deadline: 2025-02-28T10:00:00Z, extendedDeadline: 2025-04-30T10:00:00Z }
 * responseDeadline(new Date("2025-01-31T10:00:00Z"), "ccpa");
 * // { deadline: 2025-03-17T10:00:00Z, extendedDeadline: 2025-05-01T10:00:00Z }
 */
export function responseDeadline(receivedAt: Date, law: ResponseLaw): ResponseDeadline | null {
  if (!isResponseLaw(law)) return null;
  const periods = responseLaws[law];
  // Read through the intrinsic: a Date subclass or Proxy cannot lie about its time.
  const received = readDate(receivedAt);
  if (received === undefined) return null;
  const deadline = checkedDate(addPeriod(received, periods.deadline));
  const extendedDeadline = checkedDate(addPeriod(received, periods.extended));
  if (deadline === undefined || extendedDeadline === undefined) return null;
  return Object.freeze({ deadline, extendedDeadline });
}
