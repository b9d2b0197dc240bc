import { describe, expect, it } from "vitest";
import {
  policy,
  type SharePoint,
  shareAt,
  sharePoints,
  show,
  type UsePoint,
  useAt,
  usePoints,
  violations,
} from "../support/points";

// Facts that can only ever grant: their absence must never allow more (§2(c), §3, §4).
const granting = ["businessTransfer", "necessaryToPreventHarm", "customerDirected", "aggregate"];
// Facts that can only ever deny: their presence must never allow more (§4, Cal. Civ. Code 1798.140).
const restricting = ["sale", "crossContextAdvertising"];
// 18 U.S.C. 2703(c)(1): each process reaches at least what the one before it does.
const processLadder = ["none", "subpoena", "court-order", "warrant"];

const appliesTo = (field: string, question: "use" | "share") =>
  (
    policy.contextFields[field as keyof typeof policy.contextFields].appliesTo as readonly string[]
  ).includes(question);

describe("monotonicity (§4)", () => {
  it("declares every field these properties turn on and off", () => {
    expect(Object.keys(policy.contextFields)).toEqual(
      expect.arrayContaining([...granting, ...restricting, "legalProcess"]),
    );
    const legalProcess = policy.contextFields.legalProcess;
    expect(legalProcess.kind === "choice" && legalProcess.values).toEqual(
      expect.arrayContaining(processLadder),
    );
  });

  for (const field of restricting) {
    it(`§4: turning on ${field} never turns a denial into an allowance`, () => {
      const off = sharePoints.filter((p) => p.context[field] === false);
      expect(off.length).toBeGreaterThan(0);
      expect(
        violations(off, (p) =>
          !shareAt(p).allowed && shareAt(p, { ...p.context, [field]: true }).allowed
            ? `${show(p)} becomes allowed with ${field}`
            : null,
        ),
      ).toEqual([]);
    });
  }

  it("§3, §4: taking away legal process of any kind never turns a denial into an allowance", () => {
    const check = <P extends UsePoint | SharePoint>(
      points: readonly P[],
      decide: (p: P, c?: P["context"]) => { allowed: boolean },
    ) =>
      violations(
        points.filter((p) => p.context.legalProcess !== "none"),
        (p) =>
          !decide(p).allowed && decide(p, { ...p.context, legalProcess: "none" }).allowed
            ? `${show(p)} becomes allowed without legal process`
            : null,
      );
    expect([...check(usePoints, useAt), ...check(sharePoints, shareAt)]).toEqual([]);
  });

  it("§3, §4: a subpoena never reaches more than a court order, nor a court order more than a warrant (18 U.S.C. 2703(c)(1))", () => {
    const check = <P extends UsePoint | SharePoint>(
      points: readonly P[],
      decide: (p: P, c?: P["context"]) => { allowed: boolean },
    ) =>
      violations(
        points.filter((p) => processLadder.slice(0, -1).includes(p.context.legalProcess as string)),
        (p) => {
          const next = processLadder[processLadder.indexOf(p.context.legalProcess as string) + 1];
          return decide(p).allowed &&
            !decide(p, { ...p.context, legalProcess: next as string }).allowed
            ? `${show(p)} is denied under a ${next}`
            : null;
        },
      );
    expect([...check(usePoints, useAt), ...check(sharePoints, shareAt)]).toEqual([]);
  });

  it("§4: legalProcess true and false still mean a subpoena and none, as the former flag did", () => {
    const check = <P extends UsePoint | SharePoint>(
      points: readonly P[],
      decide: (p: P, c?: P["context"]) => unknown,
    ) =>
      violations(
        points.filter(
          (p) => p.context.legalProcess === "subpoena" || p.context.legalProcess === "none",
        ),
        (p) =>
          JSON.stringify(decide(p)) ===
          JSON.stringify(
            decide(p, { ...p.context, legalProcess: p.context.legalProcess === "subpoena" }),
          )
            ? null
            : show(p),
      );
    expect([...check(usePoints, useAt), ...check(sharePoints, shareAt)]).toEqual([]);
  });

  for (const field of granting) {
    it(`§4: taking away ${field} never turns a denial into an allowance`, () => {
      const check = <P extends UsePoint | SharePoint>(
        points: readonly P[],
        decide: (p: P, c?: P["context"]) => { allowed: boolean },
      ) =>
        violations(
          points.filter((p) => p.context[field] === true),
          (p) =>
            !decide(p).allowed && decide(p, { ...p.context, [field]: false }).allowed
              ? `${show(p)} becomes allowed without ${field}`
              : null,
        );
      const found = [
        ...(appliesTo(field, "use") ? check(usePoints, useAt) : []),
        ...(appliesTo(field, "share") ? check(sharePoints, shareAt) : []),
      ];
      expect(found).toEqual([]);
    });
  }
});
