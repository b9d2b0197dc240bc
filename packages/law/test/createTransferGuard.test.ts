import type { CategoryOf } from "@trunkiq/policy-core";
import { beforeEach, describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import {
  createAgeGate,
  createTransferGuard,
  type TransferDecision,
  type TransferGuard,
  type TransferLaw,
} from "../src";

const at = new Date("2025-07-07T00:00:00Z");

const law: TransferLaw = {
  section: "§8",
  text: "We protect data leaving Switzerland.",
  notCountries: { UK: "use GB" },
  regions: {
    switzerland: {
      section: "§8",
      text: "Swiss exports",
      members: ["CH", "LI"],
      adequate: { DE: { decision: "FADP Annex 1", from: "2023-09-01" } },
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

// Two regions: the UK refuses the Swiss table's "scc" and accepts its own "idta".
const twoRegions: TransferLaw = {
  ...law,
  regions: {
    ...law.regions,
    uk: {
      section: "§8",
      text: "UK exports",
      members: ["GB"],
      adequate: {},
      mechanisms: {
        idta: { law: "UK IDTA", obligation: { id: "apply-idta", message: "sign the IDTA" } },
      },
      refused: { scc: "EU SCCs alone do not cover UK exports" },
    },
  },
};
type LooseTransferGuard = (category: unknown, route: unknown) => TransferDecision;
// Compiled in each test, so every test exercises the compilation itself.
let canTransfer: TransferGuard<CategoryOf<typeof examplePolicy>>["canTransfer"];
let loose: LooseTransferGuard;
beforeEach(() => {
  canTransfer = createTransferGuard(examplePolicy, law).canTransfer;
  loose = createTransferGuard(examplePolicy, twoRegions).canTransfer as LooseTransferGuard;
});

describe("§8 transfer engine over any table of transfer law", () => {
  it("decides from the table: members, adequacy, safeguards and their destinations", () => {
    expect(canTransfer("email", { at, from: "CH", to: "LI" }).allowed).toBe(true);
    expect(canTransfer("email", { at, from: "CH", to: "DE" }).allowed).toBe(true);
    expect(canTransfer("email", { at, from: "CH", to: "IN" }).allowed).toBe(false);
    expect(
      canTransfer("email", { at, from: "CH", to: "IN", mechanism: "scc" }).obligations[0]?.id,
    ).toBe("apply-scc");
    expect(canTransfer("email", { at, from: "CH", to: "IN", mechanism: "dpf" }).allowed).toBe(
      false,
    );
    expect(canTransfer("email", { at, from: "DE", to: "IN" }).region).toBeNull();
  });

  it("refuses codes that are not assigned alpha-2 codes, with the table's hint", () => {
    const d = canTransfer("email", { at, from: "UK", to: "CH" });
    expect(d.reasons[0]).toMatchObject({ code: "invalid-input", section: "§8" });
    expect(d.reasons[0]?.message).toMatch(/use GB/);
    expect(canTransfer("email", { at, from: "XX", to: "CH" }).reasons[0]?.code).toBe(
      "invalid-input",
    );
  });
});

const policy = { id: "example-shop-privacy", version: "2024-01-31" };
const swiss = { section: "§8", text: "Swiss exports" };
const lawCite = { section: "§8", text: "We protect data leaving Switzerland." };

describe("canTransfer decisions", () => {
  it("allows a transfer within a region, citing the region", () => {
    expect(loose("email", { at, from: "CH", to: "LI" })).toEqual({
      kind: "transfer",
      allowed: true,
      category: "email",
      from: "CH",
      to: "LI",
      region: "switzerland",
      mechanism: null,
      reasons: [
        { code: "transfer-covered", message: "CH → LI stays within the switzerland", ...swiss },
      ],
      obligations: [],
      policy,
    });
  });

  it("allows a transfer to an adequate country, naming the decision", () => {
    const d = loose("order", { at, from: "LI", to: "DE" });
    expect(d).toMatchObject({
      allowed: true,
      region: "switzerland",
      mechanism: null,
      obligations: [],
    });
    expect(d.reasons).toEqual([
      {
        code: "transfer-covered",
        message: "DE has an adequacy decision for switzerland exports (FADP Annex 1)",
        ...swiss,
      },
    ]);
  });

  it("allows a transfer from a country no region covers, citing the transfer clause", () => {
    const d = loose("email", { at, from: "US", to: "IN" });
    expect(d).toMatchObject({ allowed: true, region: null, mechanism: null, obligations: [] });
    expect(d.reasons).toEqual([
      {
        code: "transfer-covered",
        message:
          "US is in no region whose law restricts exports (switzerland, uk): §8 does not apply",
        ...lawCite,
      },
    ]);
  });

  it("cites the section of the transfer table it was given, not a fixed one", () => {
    const clause = { section: "§5", text: "International transfers" };
    const { canTransfer: guard } = createTransferGuard(examplePolicy, { ...twoRegions, ...clause });
    expect(guard("email", { at, from: "US", to: "IN" }).reasons).toEqual([
      {
        code: "transfer-covered",
        message:
          "US is in no region whose law restricts exports (switzerland, uk): §5 does not apply",
        ...clause,
      },
    ]);
  });

  it("denies a transfer to a country without adequacy when no safeguard is named", () => {
    const d = loose("email", { at, from: "CH", to: "IN" });
    expect(d).toMatchObject({
      allowed: false,
      region: "switzerland",
      mechanism: null,
      obligations: [],
    });
    expect(d.reasons).toEqual([
      {
        code: "transfer-unprotected",
        message:
          "CH → IN leaves the switzerland for a country without an adequacy decision: name a safeguard (scc, dpf)",
        ...swiss,
      },
    ]);
  });

  it("allows a transfer under an accepted safeguard, with its obligation citing the transfer clause", () => {
    const d = loose("email", { at, from: "CH", to: "IN", mechanism: "scc" });
    expect(d).toMatchObject({ allowed: true, region: "switzerland", mechanism: "scc" });
    expect(d.reasons).toEqual([
      {
        code: "transfer-covered",
        message: 'CH → IN leaves the switzerland under "scc" (FADP Art. 16(2)(d))',
        ...swiss,
      },
    ]);
    expect(d.obligations).toEqual([{ id: "apply-scc", message: "sign SCCs", section: "§8" }]);
    expect(loose("email", { at, from: "CH", to: "US", mechanism: "dpf" })).toMatchObject({
      allowed: true,
      mechanism: "dpf",
      obligations: [{ id: "verify-dpf", message: "check", section: "§8" }],
    });
  });

  it("denies a safeguard outside the destinations it serves", () => {
    const d = loose("email", { at, from: "CH", to: "IN", mechanism: "dpf" });
    expect(d).toMatchObject({
      allowed: false,
      region: "switzerland",
      mechanism: "dpf",
      obligations: [],
    });
    expect(d.reasons).toEqual([
      {
        code: "transfer-unprotected",
        message: 'CH → IN: "dpf" serves only transfers to US',
        ...swiss,
      },
    ]);
  });

  it("denies a safeguard the exporting region refuses, saying why", () => {
    const d = loose("email", { at, from: "GB", to: "IN", mechanism: "scc" });
    expect(d).toMatchObject({ allowed: false, region: "uk", mechanism: "scc" });
    expect(d.reasons).toEqual([
      {
        code: "transfer-unprotected",
        message: "GB → IN: EU SCCs alone do not cover UK exports",
        section: "§8",
        text: "UK exports",
      },
    ]);
  });

  it("denies a safeguard another region accepts but the exporting region does not know", () => {
    const d = loose("email", { at, from: "CH", to: "IN", mechanism: "idta" });
    expect(d).toMatchObject({ allowed: false, region: "switzerland", mechanism: "idta" });
    expect(d.reasons[0]?.message).toBe(
      'CH → IN: "idta" is not a safeguard for switzerland exports',
    );
    expect(
      loose("email", { at, from: "CH", to: "IN", mechanism: "toString" }).reasons[0]?.code,
    ).toBe("invalid-input");
  });

  it("returns frozen decisions", () => {
    const d = loose("email", { at, from: "CH", to: "IN", mechanism: "scc" });
    expect(Object.isFrozen(d)).toBe(true);
    expect(Object.isFrozen(d.reasons)).toBe(true);
    expect(Object.isFrozen(d.reasons[0])).toBe(true);
    expect(Object.isFrozen(d.obligations)).toBe(true);
    expect(Object.isFrozen(d.obligations[0])).toBe(true);
    expect(Object.isFrozen(d.policy)).toBe(true);
  });
});

describe("canTransfer on invalid input", () => {
  const invalid = (d: TransferDecision) => {
    expect(d).toMatchObject({
      kind: "transfer",
      allowed: false,
      region: null,
      mechanism: null,
      obligations: [],
      policy,
    });
    expect(d.reasons).toHaveLength(1);
    expect(d.reasons[0]).toMatchObject({ code: "invalid-input", ...lawCite });
    return d.reasons[0]?.message;
  };

  it.each([
    ["an undeclared category", "face", '"face"'],
    ["a prototype name", "toString", '"toString"'],
    ["a number", 7, "7"],
    ["null", null, "null"],
    ["an array holding a declared id", ["email"], "an array"],
  ])("refuses %s as a category, listing the declared ones", (_, category, shown) => {
    const d = loose(category, { at, from: "CH", to: "IN" });
    expect(invalid(d)).toBe(`unknown data category ${shown} (declared: email, order, card)`);
    expect(d.category).toBe(typeof category === "string" ? category : shown);
    expect(d.from).toMatch(/undefined/);
  });

  it.each([
    ["null", null, "null"],
    ["an array", [["CH", "IN"]], "an array"],
    ["a string", "CH→IN", '"CH→IN"'],
  ])("refuses %s as a route", (_, route, shown) => {
    expect(invalid(loose("email", route))).toBe(
      `the route must be an object { from, to, at, origin?, collectedDirectly?, mechanism? }, got ${shown}`,
    );
  });

  it("refuses a missing route", () => {
    expect(invalid(loose("email", undefined))).toMatch(/^the route must be an object /);
  });

  it("refuses codes that are not upper-case assigned alpha-2 codes, naming the bad end", () => {
    expect(invalid(loose("email", { at, from: "ch", to: "IN" }))).toBe(
      'from must be an ISO 3166-1 alpha-2 country code, got "ch"',
    );
    expect(invalid(loose("email", { at, from: "CH", to: "IND" }))).toBe(
      'to must be an ISO 3166-1 alpha-2 country code, got "IND"',
    );
    expect(invalid(loose("email", { at, from: "CH", to: "UK" }))).toBe(
      'to must be an ISO 3166-1 alpha-2 country code, got "UK": use GB',
    );
    expect(invalid(loose("email", { at, from: ["CH"], to: "IN" }))).toBe(
      "from must be an ISO 3166-1 alpha-2 country code, got an array",
    );
    expect(invalid(loose("email", { at, from: "CH", to: ["UK"] }))).toBe(
      "to must be an ISO 3166-1 alpha-2 country code, got an array",
    );
    expect(invalid(loose("email", { at, from: 41, to: "IN" }))).toBe(
      "from must be an ISO 3166-1 alpha-2 country code, got 41",
    );
    expect(invalid(loose("email", { at, from: "CH" }))).toMatch(/^to must be .*, got .*undefined$/);
  });

  it("refuses a code the table lists as not a country, even one the country list knows", () => {
    const { canTransfer: strict } = createTransferGuard(examplePolicy, {
      ...law,
      notCountries: { XK: "no ISO 3166-1 code" },
    });
    expect(strict("email", { at, from: "XK", to: "CH" }).reasons[0]).toMatchObject({
      code: "invalid-input",
      message: 'from must be an ISO 3166-1 alpha-2 country code, got "XK": no ISO 3166-1 code',
    });
    expect(canTransfer("email", { at, from: "XK", to: "CH" }).allowed).toBe(true);
  });

  it("echoes the route it was given in the decision", () => {
    const d = loose("email", { at, from: "CH", to: 7 });
    expect(d).toMatchObject({ category: "email", from: "CH", to: "7" });
  });

  it("refuses a mechanism no region knows, listing the known ones", () => {
    expect(invalid(loose("email", { at, from: "CH", to: "IN", mechanism: "bcr" }))).toBe(
      'unknown transfer mechanism "bcr" (known: scc, dpf, idta)',
    );
    expect(invalid(loose("email", { at, from: "CH", to: "IN", mechanism: 1 }))).toBe(
      "unknown transfer mechanism 1 (known: scc, dpf, idta)",
    );
    expect(invalid(loose("email", { at, from: "CH", to: "IN", mechanism: null }))).toMatch(
      /^unknown transfer mechanism null/,
    );
  });

  it("refuses a route it cannot read instead of throwing", () => {
    const route = {
      from: "CH",
      get to(): string {
        throw new Error("unreadable");
      },
    };
    expect(invalid(loose("email", route))).toBe(
      'route field "to" is given through a getter: give it as an own data property',
    );
    const trap = new Proxy(
      { at, from: "CH", to: "IN" },
      {
        getOwnPropertyDescriptor() {
          throw new Error("trap");
        },
      },
    );
    expect(invalid(loose("email", trap))).toBe("the route could not be read");
  });
});

describe("§10 age engine with a configurable minimum age", () => {
  const { canCollect } = createAgeGate(examplePolicy, {
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

describe("§8 adequacy decisions apply only between their days", () => {
  const dated: TransferLaw = {
    ...law,
    regions: {
      switzerland: {
        ...(law.regions.switzerland as NonNullable<(typeof law.regions)["switzerland"]>),
        adequate: { DE: { decision: "Annex", from: "2023-09-01", until: "2025-06-27" } },
      },
    },
  };
  const { canTransfer: guard } = createTransferGuard(examplePolicy, dated);
  const on = (iso: string) => new Date(iso);

  it("covers the first and the last day, and nothing outside them", () => {
    expect(guard("email", { at: on("2023-09-01T00:00:00Z"), from: "CH", to: "DE" }).allowed).toBe(
      true,
    );
    expect(
      guard("email", { at: on("2025-06-27T23:59:59.999Z"), from: "CH", to: "DE" }).allowed,
    ).toBe(true);
    expect(
      guard("email", { at: on("2023-08-31T23:59:59.999Z"), from: "CH", to: "DE" }).allowed,
    ).toBe(false);
    const lapsed = guard("email", { at: on("2025-06-28T00:00:00Z"), from: "CH", to: "DE" });
    expect(lapsed.allowed).toBe(false);
    expect(lapsed.reasons[0]?.message).toContain("(Annex lapsed after 2025-06-27)");
  });

  it("grants nothing for an entry whose days are not ISO dates", () => {
    const { canTransfer: broken } = createTransferGuard(examplePolicy, {
      ...dated,
      regions: {
        switzerland: {
          ...(dated.regions.switzerland as NonNullable<(typeof dated.regions)["switzerland"]>),
          adequate: { DE: { decision: "Annex", from: "2023-02-30" } },
        },
      },
    });
    expect(broken("email", { at, from: "CH", to: "DE" }).allowed).toBe(false);
  });

  it("refuses a route without a moment, naming it", () => {
    const d = loose("email", { from: "CH", to: "DE" });
    expect(d.allowed).toBe(false);
    expect(d.reasons[0]?.code).toBe("invalid-input");
    expect(d.reasons[0]?.message).toMatch(/^at must be a valid Date/);
  });
});

describe("§8 onward transfers keep the law of the data's origin (GDPR Art. 44; SCC clause 8.7)", () => {
  it("judges a hop outside the origin's region by that region's law", () => {
    const d = loose("email", { at, origin: "CH", from: "US", to: "IN" });
    expect(d).toMatchObject({ allowed: false, region: "switzerland" });
    expect(d.reasons[0]?.message).toMatch(/^CH-origin data sent on from US: US → IN leaves/);
    const covered = loose("email", { at, origin: "CH", from: "US", to: "IN", mechanism: "scc" });
    expect(covered).toMatchObject({ allowed: true, region: "switzerland", mechanism: "scc" });
  });

  it("needs both regions satisfied when the data came from one and leaves another", () => {
    expect(
      loose("email", { at, origin: "CH", from: "GB", to: "IN", mechanism: "scc" }),
    ).toMatchObject({ allowed: false, region: "uk" });
    expect(loose("email", { at, origin: "CH", from: "GB", to: "DE" })).toMatchObject({
      allowed: false,
      region: "uk",
    });
  });

  it("refuses an origin that is not a country code", () => {
    const d = loose("email", { at, origin: "EU", from: "US", to: "IN" });
    expect(d.reasons[0]?.code).toBe("invalid-input");
    expect(d.reasons[0]?.message).toMatch(/^origin must be an ISO 3166-1 alpha-2 country code/);
  });
});

describe("§8 collection directly from a person abroad is not a transfer (EDPB Guidelines 05/2021)", () => {
  it("allows it without a safeguard, and refuses a flag that is not a boolean", () => {
    expect(loose("email", { at, from: "CH", to: "IN", collectedDirectly: true })).toMatchObject({
      allowed: true,
      region: null,
    });
    expect(loose("email", { at, from: "CH", to: "IN", collectedDirectly: false }).allowed).toBe(
      false,
    );
    expect(
      loose("email", { at, from: "CH", to: "IN", collectedDirectly: "yes" }).reasons[0]?.code,
    ).toBe("invalid-input");
  });
});
