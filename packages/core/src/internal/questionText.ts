import type { Question } from "./context";

/**
 * A use or share question as every message words it, so one pair reads the same in an
 * explanation, a refusal, a definition issue and a report.
 *
 * @example
 * questionText("use", "marketing", "account"); // "marketing" using "account"
 * questionText("share", "police", "account"); // sharing "account" with "police"
 */
export function questionText(question: Question, actor: string, category: string): string {
  return question === "use"
    ? `"${actor}" using "${category}"`
    : `sharing "${category}" with "${actor}"`;
}
