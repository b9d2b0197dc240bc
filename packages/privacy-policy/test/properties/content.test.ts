import { describe, expect, it } from "vitest";
import {
  canUse,
  shareAt,
  sharePoints,
  show,
  useAt,
  usePoints,
  violations,
} from "../support/points";

const CONTENT = "communication-content";

describe("communication content (§2(c), §5)", () => {
  it("§2(c): stored content is used only as the customer directs or a search warrant compels, never on TrunkIQ's own initiative", () => {
    const stored = usePoints.filter(
      (p) => p.category === CONTENT && p.context.storage === "stored",
    );
    expect(stored.length).toBeGreaterThan(0);
    expect(
      violations(stored, (p) =>
        useAt(p).allowed &&
        p.context.customerDirected !== true &&
        !(p.purpose === "lawful-request" && p.context.legalProcess === "warrant")
          ? show(p)
          : null,
      ),
    ).toEqual([]);
  });

  it("§2(c): stored content is disclosed only as the customer directs, or to an authority under a search warrant (18 U.S.C. 2703(a)–(b))", () => {
    const stored = sharePoints.filter(
      (p) => p.category === CONTENT && p.context.storage === "stored",
    );
    expect(
      violations(stored, (p) =>
        shareAt(p).allowed &&
        p.context.customerDirected !== true &&
        !(p.recipient === "authority" && p.context.legalProcess === "warrant")
          ? show(p)
          : null,
      ),
    ).toEqual([]);
  });

  it("§2(c): content in transit reaches nobody but carriers routing it and an authority with an interception order (18 U.S.C. 2518)", () => {
    const transient = sharePoints.filter(
      (p) => p.category === CONTENT && p.context.storage === "transient",
    );
    expect(
      violations(transient, (p) =>
        shareAt(p).allowed &&
        p.recipient !== "upstream-carrier" &&
        !(p.recipient === "authority" && p.context.legalProcess === "interception-order") &&
        p.context.customerDirected !== true
          ? show(p)
          : null,
      ),
    ).toEqual([]);
  });

  it("§2(c): call recording stores content when the customer directs it, and not otherwise", () => {
    expect(
      canUse("call-recording", CONTENT, { storage: "stored", customerDirected: true }).allowed,
    ).toBe(true);
    expect(canUse("call-recording", CONTENT, { storage: "stored" }).allowed).toBe(false);
  });

  it("§2(c): call routing touches content only transiently", () => {
    expect(canUse("call-routing", CONTENT, { storage: "transient" }).allowed).toBe(true);
    expect(canUse("call-routing", CONTENT, { storage: "stored" }).allowed).toBe(false);
    expect(canUse("call-routing", CONTENT).allowed).toBe(false);
  });
});
