import { readDate } from "@trunkiq/policy-core/engine";

/**
 * A person's age in whole years at `at`, from calendar dates in UTC (the birth date's UTC day
 * is the birthday). Someone born on February 29 turns a year older on March 1 in non-leap
 * years: until the anniversary day exists, it has not come. Returns `null` for invalid dates
 * or a birth after `at`.
 *
 * @category Children
 * @example
 * ageAt(new Date("2008-02-29"), new Date("2025-02-28")); // 16
 * ageAt(new Date("2009-02-28"), new Date("2025-02-28")); // 16
 * ageAt(new Date("2008-02-29"), new Date("2024-02-28")); // 15
 */
export function ageAt(birthDate: Date, at: Date): number | null {
  // Read through the intrinsic, so a Date subclass or Proxy cannot lie about its time.
  const birth = readDate(birthDate);
  const moment = readDate(at);
  if (birth === undefined || moment === undefined) return null;
  if (birth.getTime() > moment.getTime()) return null;
  const years = moment.getUTCFullYear() - birth.getUTCFullYear();
  const month = moment.getUTCMonth() - birth.getUTCMonth();
  // INVARIANT: comparing (month, day) pairs puts Feb 29's anniversary after Feb 28, hence on Mar 1.
  const beforeBirthday = month < 0 || (month === 0 && moment.getUTCDate() < birth.getUTCDate());
  return beforeBirthday ? years - 1 : years;
}
