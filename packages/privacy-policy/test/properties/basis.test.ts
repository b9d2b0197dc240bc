import { describe, expect, it } from "vitest";
import {
  policy,
  shareAt,
  sharePoints,
  show,
  useAt,
  usePoints,
  violations,
} from "../support/points";

describe("lawful basis (§3)", () => {
  it("§3: an allowed use reports exactly the basis its purpose declares, at every point", () => {
    expect(
      violations(usePoints, (p) => {
        const d = useAt(p);
        const declared = policy.purposes[p.purpose as keyof typeof policy.purposes].basis;
        if (d.allowed && d.basis === declared) return null;
        if (!d.allowed && d.basis === null) return null;
        return `${show(p)} → allowed ${d.allowed}, basis ${d.basis} (declared ${declared})`;
      }),
    ).toEqual([]);
  });

  it("§4: an allowed share reports exactly the basis its recipient declares, at every point", () => {
    expect(
      violations(sharePoints, (p) => {
        const d = shareAt(p);
        const declared = policy.recipients[p.recipient as keyof typeof policy.recipients].basis;
        if (d.allowed && d.basis === declared) return null;
        if (!d.allowed && d.basis === null) return null;
        return `${show(p)} → allowed ${d.allowed}, basis ${d.basis} (declared ${declared})`;
      }),
    ).toEqual([]);
  });
});
