import { definePolicy } from "@trunkiq/policy-core/schemas";
import { describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { pairFieldNames } from "../src/engine";
import { declarationWith } from "./support/declarationWith";

describe("pairFieldNames", () => {
  it("names the fields a rule's conditions read, when and unless", () => {
    expect(pairFieldNames(examplePolicy, "use", "newsletter", "order")).toEqual([
      "consent",
      "channel",
    ]);
    expect(pairFieldNames(examplePolicy, "use", "fulfilment", "email")).toEqual([]);
  });

  it("adds the fields of lifted obligations and of the prohibitions matching the pair", () => {
    expect(pairFieldNames(examplePolicy, "share", "police", "email")).toEqual([
      "subpoena",
      "gagged",
      "paid",
    ]);
    expect(pairFieldNames(examplePolicy, "share", "courier", "order")).toEqual(["paid"]);
  });

  it("reads only the prohibitions for a purpose or recipient the policy does not declare", () => {
    expect(pairFieldNames(examplePolicy, "share", "printer", "email")).toEqual(["paid"]);
    expect(pairFieldNames(examplePolicy, "use", "printer", "email")).toEqual([]);
  });

  it("adds the jurisdiction, and its variants' conditions, where the rule differs by it", () => {
    const policy = definePolicy(
      declarationWith({
        "purposes.fulfilment.uses.email": {
          jurisdictions: { eea: { when: ["consent"], law: "ePrivacy Directive Art. 13" } },
        },
      }) as never,
    );
    expect(pairFieldNames(policy, "use", "fulfilment", "email")).toEqual([
      "jurisdiction",
      "consent",
    ]);
    expect(pairFieldNames(policy, "use", "fulfilment", "order")).toEqual([]);
  });
});
