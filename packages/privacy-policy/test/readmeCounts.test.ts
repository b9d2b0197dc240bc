import { readFileSync } from "node:fs";
import type { PolicyDeclaration } from "@trunkiq/policy-core";
import { describe, expect, it } from "vitest";
import { policy } from "../src";
import { READMES, readBlock, renderBlock } from "./support/declaredCounts";

const root = new URL("../../../", import.meta.url);

describe("the counts the READMEs state", () => {
  it.each(Object.entries(READMES))(
    "%s states the declaration's counts (else run `node scripts/readme-counts.mjs`)",
    (file, block) => {
      const readme = readFileSync(new URL(file, root), "utf8");
      expect(readBlock(readme, block)).toBe(renderBlock(block));
    },
  );

  it("follows a change to the declaration without any other edit", () => {
    const fewer: PolicyDeclaration = {
      ...policy,
      recipients: Object.fromEntries(Object.entries(policy.recipients).slice(1)),
      prohibitions: {},
    };
    const n = Object.keys(policy.recipients).length;
    expect(renderBlock("summary", fewer)).toContain(`${n - 1} recipients, 0 prohibitions`);
    expect(renderBlock("summary", policy)).toContain(`${n} recipients`);
  });
});
