import { describe, expect, it } from "vitest";
import { PolicyDefinitionError } from "../src";
import { definePolicy } from "../src/schemas";

describe("PolicyDefinitionError", () => {
  it("lists every issue with its path, and the declaration's root as (root)", () => {
    const error = new PolicyDefinitionError([
      { path: "", message: "expected object" },
      { path: "purposes.ads.basis", message: 'unknown lawful basis "whim"' },
    ]);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("PolicyDefinitionError");
    expect(error.message).toBe(
      [
        "The policy declaration has 2 problem(s):",
        "  - (root): expected object",
        '  - purposes.ads.basis: unknown lawful basis "whim"',
      ].join("\n"),
    );
  });

  it("keeps a frozen copy of the issues it was given", () => {
    const issues = [{ path: "id", message: "ids are kebab-case" }];
    const error = new PolicyDefinitionError(issues);
    issues.push({ path: "title", message: "added later" });
    expect(error.issues).toEqual([{ path: "id", message: "ids are kebab-case" }]);
    expect(Object.isFrozen(error.issues)).toBe(true);
  });

  it("is what definePolicy throws for a declaration that is not an object, at the root", () => {
    expect(() => definePolicy(null as never)).toThrow(PolicyDefinitionError);
    expect(() => definePolicy(null as never)).toThrow(/\n {2}- \(root\): /);
  });
});
