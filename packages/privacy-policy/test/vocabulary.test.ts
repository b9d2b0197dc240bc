import { describe, expect, it } from "vitest";
import { policy } from "../src";
import { renderVocabulary } from "./support/renderVocabulary";

describe("docs/vocabulary.md", () => {
  const page = renderVocabulary(policy);

  it("keeps docs/vocabulary.md in step with the declaration", async () => {
    await expect(page).toMatchFileSnapshot("../../../docs/vocabulary.md");
  });

  it("lists every id of the declaration once, with its section", () => {
    const kinds = [
      policy.purposes,
      policy.categories,
      policy.recipients,
      policy.bases,
      policy.conditions,
      policy.obligations,
      policy.prohibitions,
      policy.rights,
    ];
    for (const declared of kinds) {
      for (const [id, entry] of Object.entries(declared)) {
        const rows = page.split("\n").filter((line) => line.startsWith(`| \`${id}\` |`));
        expect(rows.length, id).toBeGreaterThanOrEqual(1);
        expect(
          rows.some((row) => row.includes(`| ${(entry as { section: string }).section} |`)),
          id,
        ).toBe(true);
      }
    }
    for (const field of Object.keys(policy.contextFields)) {
      expect(page).toContain(`| \`${field}\` |`);
    }
  });
});
