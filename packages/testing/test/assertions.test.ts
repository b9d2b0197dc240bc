import { createGuards } from "@trunkiq/policy-core";
import { describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import {
  assertNeverAllows,
  createArbitraries,
  DecisionAssertionError,
  expectAllowed,
  expectDenied,
  formatDecision,
} from "../src";

const { canUse, canShare } = createGuards(examplePolicy);
const arbs = createArbitraries(examplePolicy);
// @ts-expect-error: the ad network may never receive an email address (§4 "no-ads"), so the typed guard refuses the literal pair.
const adShare = () => canShare("email", "ad-network");

describe("expectAllowed", () => {
  it("accepts an allowed decision", () => {
    expect(() => expectAllowed(canUse("newsletter", "email", { consent: true }))).not.toThrow();
  });

  it("rejects a denial with every reason, its code and its section", () => {
    const denied = canUse("newsletter", "email");
    expect(() => expectAllowed(denied)).toThrow(DecisionAssertionError);
    expect(() => expectAllowed(denied)).toThrow(
      /expected the request to be allowed[\s\S]*DENIED[\s\S]*\[condition-unmet\][\s\S]*§3: "With your consent"/,
    );
  });
});

describe("expectDenied", () => {
  it("accepts a denial, with or without the code it carries", () => {
    expect(() => expectDenied(adShare())).not.toThrow();
    expect(() => expectDenied(adShare(), "prohibited")).not.toThrow();
  });

  it("rejects an allowance, showing its basis", () => {
    expect(() => expectDenied(canUse("fulfilment", "email"))).toThrow(
      /expected the request to be denied[\s\S]*ALLOWED[\s\S]*basis: contract/,
    );
  });

  it("rejects a denial for another reason, listing the reasons it has", () => {
    const error = (() => {
      try {
        expectDenied(adShare(), "condition-unmet");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DecisionAssertionError);
    expect((error as Error).message).toMatch(/reason "condition-unmet"[\s\S]*\[prohibited\]/);
    expect((error as DecisionAssertionError).decision).toEqual(adShare());
  });
});

describe("assertNeverAllows", () => {
  it("passes when the guard denies everything generated", () => {
    expect(() =>
      assertNeverAllows(
        (q) => canUse(q.purpose, q.category as never, q.context),
        arbs.forbiddenUseArb,
        { numRuns: 200 },
      ),
    ).not.toThrow();
  });

  it("fails with the seed and the allowing decision when one request is allowed", () => {
    expect(() =>
      assertNeverAllows(
        (q) => canShare(q.category, q.recipient as never, q.context),
        arbs.allowedShareArb,
        { numRuns: 50 },
      ),
    ).toThrow(/seed[\s\S]*expected every generated request to be denied[\s\S]*ALLOWED/);
  });
});

describe("formatDecision", () => {
  it("renders something that is not a decision without throwing", () => {
    expect(formatDecision(undefined)).toMatch(/not a decision/);
    expect(formatDecision({ allowed: true })).toBe('not a decision: {"allowed":true}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(formatDecision(cyclic)).toBe("not a decision: object");
  });
});
