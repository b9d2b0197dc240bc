import { describe, expect, it } from "vitest";
import { createAgeGate, createTransferGuard, type TransferLaw } from "../src";
import { examplePolicy } from "./fixtures/examplePolicy";

const law: TransferLaw = {
  section: "§8",
  text: "We protect data leaving Switzerland.",
  notCountries: { UK: "use GB" },
  regions: {
    switzerland: {
      section: "§8",
      text: "Swiss exports",
      members: ["CH", "LI"],
      adequate: { DE: "FADP Annex 1" },
      mechanisms: {
        scc: { law: "FADP Art. 16(2)(d)", obligation: { id: "apply-scc", message: "sign SCCs" } },
        dpf: {
          law: "Swiss-US DPF",
          to: ["US"],
          obligation: { id: "verify-dpf", message: "check" },
        },
      },
    },
  },
};
const canTransfer = createTransferGuard(examplePolicy, law);

describe("§8 transfer engine over any table of transfer law", () => {
  it("decides from the table: members, adequacy, safeguards and their destinations", () => {
    expect(canTransfer("email", { from: "CH", to: "LI" }).allowed).toBe(true);
    expect(canTransfer("email", { from: "CH", to: "DE" }).allowed).toBe(true);
    expect(canTransfer("email", { from: "CH", to: "IN" }).allowed).toBe(false);
    expect(
      canTransfer("email", { from: "CH", to: "IN", mechanism: "scc" }).obligations[0]?.id,
    ).toBe("apply-scc");
    expect(canTransfer("email", { from: "CH", to: "IN", mechanism: "dpf" }).allowed).toBe(false);
    expect(canTransfer("email", { from: "DE", to: "IN" }).region).toBeNull();
  });

  it("refuses codes that are not assigned alpha-2 codes, with the table's hint", () => {
    const d = canTransfer("email", { from: "UK", to: "CH" });
    expect(d.reasons[0]).toMatchObject({ code: "invalid-input", section: "§8" });
    expect(d.reasons[0]?.message).toMatch(/use GB/);
    expect(canTransfer("email", { from: "XX", to: "CH" }).reasons[0]?.code).toBe("invalid-input");
  });
});

describe("§10 age engine with a configurable minimum age", () => {
  const canCollect = createAgeGate(examplePolicy, {
    minimumAge: 13,
    law: "DPA 2018 s.9",
    section: "§10",
    text: "not for children under 13",
  });

  it("applies the minimum it is given", () => {
    expect(canCollect({ age: 13 }).allowed).toBe(true);
    expect(canCollect({ age: 12 }).reasons[0]?.message).toMatch(/under 13/);
  });
});
