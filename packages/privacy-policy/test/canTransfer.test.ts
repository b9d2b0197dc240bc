import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canTransfer, transferLaw } from "../src";

const fcOptions = { numRuns: 200, ...(process.env.CI ? { seed: 20250707 } : {}) };
const eea = transferLaw.regions.eea?.members ?? [];

describe("§8 transfers from the EEA, GDPR Arts. 45–49", () => {
  it("needs no safeguard within the EEA", () => {
    const d = canTransfer("account", { from: "DE", to: "FR" });
    expect(d).toMatchObject({ allowed: true, region: "eea", mechanism: null, obligations: [] });
    expect(d.reasons[0]?.section).toBe("§8");
  });

  it("needs no safeguard to a country with an adequacy decision", () => {
    for (const to of ["CH", "JP", "GB", "KR", "UY", "CA", "NZ", "IL"]) {
      const d = canTransfer("call-detail-record", { from: "IE", to });
      expect(d.allowed).toBe(true);
      expect(d.obligations).toEqual([]);
    }
  });

  it("refuses a transfer to a country without adequacy when no safeguard is named", () => {
    const d = canTransfer("call-detail-record", { from: "DE", to: "IN" });
    expect(d.allowed).toBe(false);
    expect(d.reasons[0]?.code).toBe("transfer-unprotected");
  });

  it("allows SCCs and BCRs with the obligation to apply them", () => {
    expect(
      canTransfer("account", { from: "DE", to: "IN", mechanism: "scc" }).obligations.map(
        (o) => o.id,
      ),
    ).toEqual(["apply-scc"]);
    expect(
      canTransfer("account", { from: "NL", to: "BR", mechanism: "bcr" }).obligations.map(
        (o) => o.id,
      ),
    ).toEqual(["apply-bcr"]);
  });

  it("accepts the DPF only for US importers", () => {
    const us = canTransfer("account", { from: "DE", to: "US", mechanism: "dpf" });
    expect(us.allowed).toBe(true);
    expect(us.obligations[0]?.id).toBe("verify-dpf-certification");
    expect(canTransfer("account", { from: "DE", to: "IN", mechanism: "dpf" }).allowed).toBe(false);
  });

  it("allows an Art. 49 derogation only with the duty to document it as a last resort", () => {
    const d = canTransfer("support-communication", {
      from: "FR",
      to: "IN",
      mechanism: "derogation",
    });
    expect(d.allowed).toBe(true);
    expect(d.obligations[0]?.id).toBe("document-derogation");
    expect(d.obligations[0]?.message).toMatch(/last resort/);
  });

  it("refuses UK instruments for EEA exports", () => {
    expect(canTransfer("account", { from: "DE", to: "IN", mechanism: "uk-idta" }).allowed).toBe(
      false,
    );
  });
});

describe("§8 transfers from the UK, UK GDPR Arts. 45–49", () => {
  it("refuses EU SCCs alone and accepts the IDTA or the UK Addendum", () => {
    const scc = canTransfer("account", { from: "GB", to: "IN", mechanism: "scc" });
    expect(scc.allowed).toBe(false);
    expect(scc.reasons[0]?.message).toMatch(/UK Addendum/);
    expect(
      canTransfer("account", { from: "GB", to: "IN", mechanism: "uk-idta" }).obligations[0]?.id,
    ).toBe("apply-uk-idta");
    expect(
      canTransfer("account", { from: "GB", to: "IN", mechanism: "uk-addendum" }).obligations[0]?.id,
    ).toBe("apply-uk-addendum");
  });

  it("treats every EEA state as adequate for UK exports", () => {
    for (const to of eea) expect(canTransfer("account", { from: "GB", to }).allowed).toBe(true);
  });

  it("accepts the UK Extension to the DPF for US importers", () => {
    expect(canTransfer("account", { from: "GB", to: "US", mechanism: "dpf" }).allowed).toBe(true);
    expect(canTransfer("account", { from: "GB", to: "US" }).allowed).toBe(false);
  });
});

describe("§8 scope", () => {
  it("does not restrict transfers from the US", () => {
    const d = canTransfer("call-detail-record", { from: "US", to: "IN" });
    expect(d).toMatchObject({ allowed: true, region: null, obligations: [] });
  });

  it("denies with invalid-input unknown categories, malformed or unassigned country codes and unknown mechanisms", () => {
    const cases: [unknown, unknown][] = [
      ["dna", { from: "DE", to: "US" }],
      ["account", { from: "UK", to: "US" }],
      ["account", { from: "de", to: "US" }],
      ["account", { from: "DE", to: "QQ" }],
      ["account", { from: "DEU", to: "US" }],
      ["account", { from: "DE", to: "US", mechanism: "handshake" }],
      ["account", null],
      ["account", { from: 49, to: "US" }],
    ];
    for (const [category, route] of cases) {
      // biome-ignore lint/suspicious/noExplicitAny: untrusted input reaches the loose implementation
      const d = (canTransfer as any)(category, route);
      expect(d.allowed).toBe(false);
      expect(d.reasons[0]?.code).toBe("invalid-input");
    }
    const uk = canTransfer("account", { from: "UK" as string, to: "US" });
    expect(uk.reasons[0]?.message).toMatch(/GB/);
  });

  it("never throws and never allows an EEA export to a non-adequate country without a safeguard", () => {
    const code = fc.constantFrom("DE", "FR", "GB", "US", "IN", "BR", "CH", "JP", "CN", "ZZ", "uk");
    fc.assert(
      fc.property(code, code, (from, to) => {
        const d = canTransfer("account", { from, to });
        if (
          eea.includes(from) &&
          !eea.includes(to) &&
          !Object.hasOwn(transferLaw.regions.eea?.adequate ?? {}, to)
        ) {
          expect(d.allowed).toBe(false);
        }
      }),
      fcOptions,
    );
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (c, r) => {
        // biome-ignore lint/suspicious/noExplicitAny: soundness over arbitrary input
        return typeof (canTransfer as any)(c, r).allowed === "boolean";
      }),
      fcOptions,
    );
  });
});
