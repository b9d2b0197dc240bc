import { beforeEach, describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { createGuards } from "../src";
import { isDeepFrozen } from "./support/declarationWith";
import { hostileContexts, hostileIds, type LooseGuards } from "./support/hostile";

// Rebuilt before each test, so that what a test checks is built under the code it runs with.
let guards = createGuards(examplePolicy);
beforeEach(() => {
  guards = createGuards(examplePolicy);
});
const { canShare } = guards;
const loose = guards as unknown as LooseGuards;

describe("canShare", () => {
  it("allows a declared disclosure on the recipient's basis", () => {
    const decision = canShare("order", "courier");
    expect(decision).toMatchObject({
      kind: "share",
      allowed: true,
      category: "order",
      recipient: "courier",
      basis: "contract",
      obligations: [],
    });
    expect(decision.reasons).toEqual([
      expect.objectContaining({
        code: "permitted",
        section: "§4",
        text: "Couriers deliver your order",
      }),
    ]);
  });

  it("denies a category the recipient does not receive as not-permitted", () => {
    const decision = canShare("card", "courier" as never);
    expect(decision.allowed).toBe(false);
    expect(decision.reasons).toEqual([
      expect.objectContaining({ code: "not-permitted", section: "§4" }),
    ]);
  });

  it("denies disclosure to authorities without legal process", () => {
    const decision = canShare("email", "police");
    expect(decision.allowed).toBe(false);
    expect(decision.reasons).toEqual([
      expect.objectContaining({
        code: "condition-unmet",
        section: "§4",
        text: "if required by law",
      }),
    ]);
  });

  it("allows disclosure under legal process with the obligation to notify", () => {
    const decision = canShare("email", "police", { subpoena: true });
    expect(decision.allowed).toBe(true);
    expect(decision.basis).toBe("legal-obligation");
    expect(decision.obligations).toEqual([
      { id: "notify-customer", message: "We will notify you of such requests", section: "§4" },
    ]);
  });

  it("lifts an obligation while its `unless` condition holds", () => {
    const decision = canShare("email", "police", { subpoena: true, gagged: true });
    expect(decision.allowed).toBe(true);
    expect(decision.obligations).toEqual([]);
  });

  it("keeps an obligation declared without `unless` whatever the context", () => {
    const decision = canShare("order", "police", { subpoena: true, gagged: true });
    expect(decision.obligations.map((o) => o.id)).toEqual(["notify-customer"]);
  });

  it("denies a disclosure an unconditional prohibition forbids, though a rule permits it", () => {
    const decision = canShare("email", "ad-network" as never);
    expect(decision.allowed).toBe(false);
    expect(decision.reasons).toEqual([
      expect.objectContaining({
        code: "prohibited",
        section: "§4",
        text: "We never give advertisers your email",
      }),
    ]);
  });

  it("denies any disclosure while a conditional prohibition's condition holds", () => {
    expect(canShare("order", "courier", { paid: true }).reasons).toEqual([
      expect.objectContaining({ code: "prohibited", text: "We do not sell your information" }),
    ]);
    expect(canShare("email", "police", { subpoena: true, paid: true }).allowed).toBe(false);
  });

  it("cites every prohibition that applies", () => {
    const codes = loose.canShare("email", "ad-network", { paid: true }).reasons;
    expect(codes.map((r) => r.message)).toEqual([
      expect.stringContaining("(no-sale)"),
      expect.stringContaining("(no-ads)"),
    ]);
  });

  it("returns the identical deeply frozen decision for every context-free call", () => {
    expect(canShare("order", "courier")).toBe(canShare("order", "courier"));
    expect(isDeepFrozen(canShare("order", "courier"))).toBe(true);
    expect(isDeepFrozen(canShare("email", "police", { subpoena: true }))).toBe(true);
  });
});

describe("canShare on bad input", () => {
  it.each(hostileIds)("denies %s as a category without throwing", (_, id) => {
    const decision = loose.canShare(id, "courier");
    expect(decision.allowed).toBe(false);
    expect(decision.reasons).toEqual([
      expect.objectContaining({ code: "invalid-input", section: "§4" }),
    ]);
  });

  it.each(hostileIds)("denies %s as a recipient without throwing", (_, id) => {
    const decision = loose.canShare("order", id);
    expect(decision.allowed).toBe(false);
    expect(decision.reasons[0]?.message).toMatch(/unknown recipient/);
  });

  it.each(hostileContexts("subpoena"))(
    "denies a context that is %s without throwing",
    (_, context) => {
      const decision = loose.canShare("email", "police", context);
      expect(decision.allowed).toBe(false);
      expect(decision.reasons).toEqual([expect.objectContaining({ code: "invalid-input" })]);
    },
  );
});
