import { canShare, canUse } from "@trunkiq/privacy-policy";
import { describe, expect, it } from "vitest";
import { answersOf, groups } from "./src/candidates";
import { canExerciseFloor, pairFloor, retentionForFloor } from "./src/floors";
import { invalidShare, invalidUse } from "./src/questions";

// A floor or peer that answers differently would make every ratio in docs/benchmarks.md a lie.
describe("the benchmark candidates", () => {
  for (const [group, candidates] of Object.entries(groups)) {
    for (const candidate of Object.keys(candidates).filter((c) => c !== "ours")) {
      it(`${candidate} gives our answers on the ${group} questions`, async () => {
        const ours = await answersOf(group, "ours");
        expect(new Set(ours).size).toBeGreaterThan(1);
        expect(await answersOf(group, candidate)).toEqual(ours);
      });
    }
  }

  it("the pair floors deny bad ids and bad contexts as the guards do", () => {
    const useFloor = pairFloor("use");
    const shareFloor = pairFloor("share");
    for (const [a, b, c] of invalidUse()) {
      expect(useFloor(a, b, c)).toBe(canUse(a as never, b as never, c as never).allowed ? 1 : 0);
    }
    for (const [a, b, c] of invalidShare()) {
      expect(shareFloor(a, b, c)).toBe(
        canShare(a as never, b as never, c as never).allowed ? 1 : 0,
      );
    }
  });

  it("the date floors refuse malformed input", () => {
    expect(retentionForFloor("account", { collectedAt: new Date("nope") })).toBe(-1);
    expect(retentionForFloor("no-such-category", { collectedAt: new Date() })).toBe(-1);
    expect(canExerciseFloor("erasure", "account", { legalHold: "yes" })).toBe(-1);
  });
});
