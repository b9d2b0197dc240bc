import { describe, expect, it } from "vitest";
import { completions } from "./support/completions";

const probes = ['canUse("', 'canUse("newsletter", "', 'canShare("email", "', 'retentionFor("'];
// One language service for every assertion; it type-checks the package's sources too.
const offered = completions(
  [
    'import { createGuards } from "../../src";',
    'import { examplePolicy } from "../../../../test-support/fixtures/examplePolicy";',
    "const { canUse, canShare, retentionFor } = createGuards(examplePolicy);",
    'canUse("");',
    'canUse("newsletter", "");',
    'canShare("email", "");',
    'retentionFor("", { collectedAt: new Date() });',
  ].join("\n"),
  probes,
);

describe("editor completions of guard arguments", () => {
  it("offers the declared ids, though a misspelt one reaches its refusal", () => {
    expect(offered).toEqual({
      'canUse("': ["fulfilment", "newsletter", "tax-filing"],
      'canUse("newsletter", "': ["card", "email", "order"],
      'canShare("email", "': ["ad-network", "courier", "police"],
      'retentionFor("': ["card", "email", "order"],
    });
  });
});
