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

type Variant = { readonly denied?: true; readonly basis?: string };
type Actor = {
  readonly basis: string;
  readonly jurisdictions?: Readonly<Record<string, Variant | readonly Variant[]>>;
};
type Rules = Readonly<Record<string, { readonly jurisdictions?: Actor["jurisdictions"] }>>;

// The bases a pair may rest on in a jurisdiction: the actor's, or what that jurisdiction's
// variant of the rule (or of the actor) names instead.
function declaredBases(actor: Actor, rules: Rules, category: string, jurisdiction: unknown) {
  const j = typeof jurisdiction === "string" ? jurisdiction : "";
  const rule = Object.hasOwn(rules, category) ? rules[category] : undefined;
  const variant = rule?.jurisdictions?.[j] ?? actor.jurisdictions?.[j];
  if (variant === undefined) return [actor.basis];
  return [variant].flat().map((v) => v.basis ?? actor.basis);
}

describe("lawful basis (§3)", () => {
  it("§3: an allowed use reports exactly the basis its purpose declares there, at every point", () => {
    expect(
      violations(usePoints, (p) => {
        const d = useAt(p);
        const purpose = policy.purposes[p.purpose as keyof typeof policy.purposes] as Actor & {
          uses: Rules;
        };
        const declared = declaredBases(purpose, purpose.uses, p.category, p.context.jurisdiction);
        if (d.allowed && declared.includes(d.basis)) return null;
        if (!d.allowed && d.basis === null) return null;
        return `${show(p)} → allowed ${d.allowed}, basis ${d.basis} (declared ${declared})`;
      }),
    ).toEqual([]);
  });

  it("§4: an allowed share reports exactly the basis its recipient declares there, at every point", () => {
    expect(
      violations(sharePoints, (p) => {
        const d = shareAt(p);
        const recipient = policy.recipients[
          p.recipient as keyof typeof policy.recipients
        ] as Actor & { receives: Rules };
        const declared = declaredBases(
          recipient,
          recipient.receives,
          p.category,
          p.context.jurisdiction,
        );
        if (d.allowed && declared.includes(d.basis)) return null;
        if (!d.allowed && d.basis === null) return null;
        return `${show(p)} → allowed ${d.allowed}, basis ${d.basis} (declared ${declared})`;
      }),
    ).toEqual([]);
  });
});
