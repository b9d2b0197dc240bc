import { describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { createGuards } from "../src";

const { retentionFor, retentionCutoff } = createGuards(examplePolicy);
const collectedAt = new Date("2024-02-29T10:00:00Z");

describe("retention reasons", () => {
  it("state a zero period as 0 days, and that such data is due at once", () => {
    const decision = retentionFor("card", { collectedAt, now: collectedAt });
    expect(decision.until).toEqual(collectedAt);
    expect(decision.reasons[0]?.message).toBe(
      "kept 0 days from collection (never stored): due for deletion since 2024-02-29T10:00:00.000Z",
    );
  });

  it("name the event a period runs from, and the law behind it", () => {
    const now = new Date("2024-03-01T00:00:00Z");
    const open = retentionFor("email", { collectedAt, now });
    expect(open.reasons[0]?.message).toBe(
      "the relationship is still open: kept 1 year from the end of the relationship (judgement)",
    );
    const running = retentionFor("order", { collectedAt, now });
    expect(running.reasons[0]?.message).toBe(
      "kept 7 years from collection (26 CFR 1.6001-1): keep until 2031-03-01T00:00:00.000Z",
    );
  });

  it("say which date a cutoff compares with, citing the rule's own text", () => {
    const now = new Date("2031-03-01T00:00:00Z");
    const [byCollection] = retentionCutoff("order", { now, jurisdiction: "us" }).reasons;
    expect(byCollection).toEqual({
      code: "retention-expired",
      message:
        "records whose collection is before 2024-03-01T00:00:00.000Z are due for deletion (26 CFR 1.6001-1)",
      section: "§7",
      text: "as the law requires",
    });
    const [byEnd] = retentionCutoff("email", { now, jurisdiction: "us" }).reasons;
    expect(byEnd?.message).toBe(
      "records whose relationship end (for someone never a customer: last contact) is before 2030-03-01T00:00:00.000Z are due for deletion (judgement)",
    );
    expect(byEnd?.text).toBe("as long as necessary");
  });
});
