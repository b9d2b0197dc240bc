import { createGuards, type PolicyDeclaration, PolicyDefinitionError } from "@trunkiq/policy-core";
import { describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { rightsPolicy } from "../../../test-support/fixtures/rightsPolicy";
import {
  createAgeGate,
  createRightsGuards,
  createTransferGuard,
  defineTransferLaw,
  type TransferLaw,
} from "../src";

const at = new Date("2025-07-07T00:00:00Z");

// A caller's tables, built fresh and left unfrozen, so a test can change them after use.
const mutableLaw = (): TransferLaw => ({
  section: "§8",
  text: "Swiss exports",
  notCountries: {},
  regions: {
    switzerland: {
      section: "§8",
      text: "Swiss exports",
      members: ["CH"],
      adequate: { DE: { decision: "FADP Annex 1", from: "2023-09-01" } },
      mechanisms: { scc: { law: "FADP", obligation: { id: "apply-scc", message: "sign" } } },
    },
  },
});
const unfrozen = <T>(value: T): T => structuredClone(value);

describe("guards decide from private frozen copies taken when they are made", () => {
  it("refuses a transfer after the caller adds an adequacy decision to its own table", () => {
    const law = mutableLaw();
    const { canTransfer } = createTransferGuard(examplePolicy, law);
    const region = law.regions.switzerland as unknown as {
      adequate: Record<string, { decision: string; from: string }>;
      members: string[];
    };
    region.adequate.IN = { decision: "x", from: "2000-01-01" };
    region.members.push("IN");
    expect(canTransfer("email", { at, from: "CH", to: "IN" }).allowed).toBe(false);
  });

  it("deep-freezes a table declared with defineTransferLaw", () => {
    const law = defineTransferLaw(mutableLaw());
    expect(Object.isFrozen(law.regions.switzerland?.adequate)).toBe(true);
    expect(Object.isFrozen(law.regions.switzerland?.members)).toBe(true);
    expect(Object.isFrozen(law.regions.switzerland?.mechanisms.scc?.obligation)).toBe(true);
  });

  it("refuses a copy of a policy that skipped definePolicy, so the caller cannot change it later", () => {
    const declaration = unfrozen(examplePolicy) as PolicyDeclaration;
    expect(() => createGuards(declaration as never)).toThrow(
      /createGuards takes a policy made by definePolicy/,
    );
    expect(() => createGuards(declaration as never)).toThrow(PolicyDefinitionError);
  });

  it("keeps the same policy object when it is already deep-frozen", () => {
    expect(createGuards(examplePolicy).policy).toBe(examplePolicy);
  });

  it("keeps refusing the young after the caller lowers the minimum age in its own rule", () => {
    const rule = { minimumAge: 16, law: "GDPR Art. 8(1)", section: "§10", text: "not under 16" };
    const { canCollect } = createAgeGate(examplePolicy, rule);
    rule.minimumAge = 0;
    expect(canCollect({ age: 10 }).allowed).toBe(false);
  });

  it("keeps the judgements and rights it was made with after the caller changes them", () => {
    const judgements = {
      access: { email: [{ id: "verify-identity", message: "check", section: "§9(a)" }] },
    };
    const declaration = unfrozen(rightsPolicy) as PolicyDeclaration;
    const { canExercise } = createRightsGuards(declaration, { judgements });
    judgements.access.email.length = 0;
    delete (declaration.rights as Record<string, unknown>).access;
    const d = canExercise("access", "email");
    expect(d.allowed).toBe(true);
    expect(d.obligations.map((o) => o.id)).toEqual(["verify-identity"]);
  });
});
