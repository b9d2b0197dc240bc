import { describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { policyMatrix, renderPolicyMatrix } from "../src";
import { definePolicy } from "../src/schemas";
import { declarationWith } from "./support/declarationWith";

// The example shop, with rules that carry several conditions and a section of their own, and a
// second conditional prohibition of every disclosure.
const detailed = definePolicy(
  declarationWith({
    "purposes.newsletter.uses.order": {
      section: "§3",
      text: "Order-based offers",
      when: ["consent", "by-phone"],
    },
    "purposes.fulfilment.uses.email": { section: "§2(a)", text: "Order e-mails" },
    "recipients.courier.receives.order": { unless: ["subpoena", "gagged"] },
    "prohibitions.no-gag": {
      section: "§4",
      text: "Never under a gag order",
      when: ["gagged", "subpoena"],
      share: {},
    },
  }) as never,
);

describe("policyMatrix", () => {
  it("lists the declared ids as rows and columns", () => {
    const m = policyMatrix(examplePolicy);
    expect(m.purposes).toEqual(["fulfilment", "newsletter", "tax-filing"]);
    expect(m.categories).toEqual(["email", "order", "card"]);
    expect(m.recipients).toEqual(["courier", "police", "ad-network"]);
    expect(Object.keys(m.uses)).toEqual(m.purposes);
    for (const p of m.purposes) expect(Object.keys(m.uses[p] ?? {})).toEqual(m.categories);
    expect(Object.keys(m.shares)).toEqual(m.categories);
    for (const c of m.categories) expect(Object.keys(m.shares[c] ?? {})).toEqual(m.recipients);
  });

  it("permits a declared use with the purpose's basis and section", () => {
    const m = policyMatrix(examplePolicy);
    expect(m.uses.fulfilment?.email).toEqual({
      permitted: true,
      basis: "contract",
      law: null,
      jurisdictions: {},
      when: [],
      unless: [],
      obligations: [],
      prohibitions: [],
      section: "§3",
    });
  });

  it("carries a rule's conditions into its cell", () => {
    const m = policyMatrix(examplePolicy);
    expect(m.uses.newsletter?.order).toMatchObject({
      permitted: true,
      basis: "consent",
      when: ["consent"],
      unless: ["by-phone"],
    });
  });

  it("refuses an undeclared pair and cites the purpose or recipient that does not grant it", () => {
    const m = policyMatrix(examplePolicy);
    expect(m.uses.newsletter?.card).toEqual({
      permitted: false,
      basis: null,
      law: null,
      jurisdictions: {},
      when: [],
      unless: [],
      obligations: [],
      prohibitions: [],
      section: "§3",
    });
    expect(m.shares.card?.courier).toMatchObject({ permitted: false, basis: null, section: "§4" });
  });

  it("empties a declared pair that an unconditional prohibition forbids", () => {
    const m = policyMatrix(examplePolicy);
    expect(m.uses["tax-filing"]?.card).toMatchObject({
      permitted: false,
      basis: null,
      prohibitions: [{ id: "no-card-for-tax", when: [] }],
    });
    expect(m.uses["tax-filing"]?.order).toMatchObject({ permitted: true, prohibitions: [] });
    expect(m.uses.fulfilment?.card).toMatchObject({ permitted: true, prohibitions: [] });
    expect(m.shares.email?.["ad-network"]).toMatchObject({
      permitted: false,
      basis: null,
      prohibitions: [
        { id: "no-sale", when: ["sale"] },
        { id: "no-ads", when: [] },
      ],
    });
  });

  it("keeps a pair permitted under a conditional prohibition and lists its conditions", () => {
    const m = policyMatrix(examplePolicy);
    expect(m.shares.order?.courier).toEqual({
      permitted: true,
      basis: "contract",
      law: null,
      jurisdictions: {},
      when: [],
      unless: [],
      obligations: [],
      prohibitions: [{ id: "no-sale", when: ["sale"] }],
      section: "§4",
    });
  });

  it("applies use prohibitions to uses only and share prohibitions to shares only", () => {
    const m = policyMatrix(examplePolicy);
    for (const p of m.purposes) {
      for (const c of m.categories) {
        for (const x of m.uses[p]?.[c]?.prohibitions ?? []) expect(x.id).toBe("no-card-for-tax");
      }
    }
    for (const c of m.categories) {
      for (const r of m.recipients) {
        const ids = (m.shares[c]?.[r]?.prohibitions ?? []).map((x) => x.id);
        expect(ids).toEqual(r === "ad-network" ? ["no-sale", "no-ads"] : ["no-sale"]);
      }
    }
  });

  it("names obligations by id, whether declared plainly or with exceptions", () => {
    const m = policyMatrix(examplePolicy);
    expect(m.shares.email?.police).toMatchObject({
      permitted: true,
      basis: "legal-obligation",
      when: ["subpoena"],
      obligations: ["notify-customer"],
    });
    expect(m.shares.order?.police?.obligations).toEqual(["notify-customer"]);
  });

  it("does not take a category named like a prototype member for a declared rule", () => {
    const withConstructor = definePolicy(
      declarationWith({
        "categories.constructor": { section: "§2(a)", text: "a category" },
        "retention.constructor": (declarationWith().retention as Record<string, unknown>).email,
      }) as never,
    );
    const cells = policyMatrix(withConstructor);
    const category: string = "constructor";
    for (const p of cells.purposes) {
      expect(cells.uses[p]?.[category]).toMatchObject({ permitted: false, basis: null, when: [] });
    }
    for (const r of cells.recipients) {
      expect(cells.shares[category]?.[r]).toMatchObject({ permitted: false, basis: null });
    }
  });

  it("cites a rule's own section over its purpose's", () => {
    const d = policyMatrix(detailed);
    expect(d.uses.fulfilment?.email?.section).toBe("§2(a)");
    expect(d.uses.fulfilment?.order?.section).toBe("§3");
  });
});

describe("renderPolicyMatrix", () => {
  it("says it is generated and names the policy, its version and the scope sections", () => {
    const lines = renderPolicyMatrix(detailed).split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "<!-- Generated from the example-shop-privacy declaration by renderPolicyMatrix: do not edit by hand. -->",
      "# Example Shop Privacy Policy: policy matrix (version 2024-01-31)",
      "",
      "## Purposes × data categories (§3)",
    ]);
    expect(lines).toContain("## Data categories × recipients (§4)");
  });

  it("renders purposes × categories with each cell worded by matrixCellLines", () => {
    const lines = renderPolicyMatrix(detailed).split("\n");
    const start = lines.indexOf("| | email | order | card |");
    expect(lines.slice(start, start + 5)).toEqual([
      "| | email | order | card |",
      "|---|---|---|---|",
      "| **fulfilment** | contract (Art. 6(1)(b)) | contract (Art. 6(1)(b)) | contract (Art. 6(1)(b)) |",
      "| **newsletter** | consent (Art. 6(1)(a))<br>when consent | consent (Art. 6(1)(a))<br>when consent and by-phone | — |",
      "| **tax-filing** | — | legal-obligation (Art. 6(1)(c)) | — |",
    ]);
  });

  it("renders categories × recipients with exceptions and conditional prohibitions", () => {
    const lines = renderPolicyMatrix(detailed).split("\n");
    const start = lines.indexOf("| | courier | police | ad-network |");
    expect(lines.slice(start, start + 5)).toEqual([
      "| | courier | police | ad-network |",
      "|---|---|---|---|",
      "| **email** | contract (Art. 6(1)(b))<br>not when sale (no-sale)<br>not when gagged and subpoena (no-gag) | legal-obligation (Art. 6(1)(c))<br>when subpoena<br>not when sale (no-sale)<br>not when gagged and subpoena (no-gag)<br>must notify-customer | — |",
      "| **order** | contract (Art. 6(1)(b))<br>unless subpoena or gagged<br>not when sale (no-sale)<br>not when gagged and subpoena (no-gag) | legal-obligation (Art. 6(1)(c))<br>when subpoena<br>not when sale (no-sale)<br>not when gagged and subpoena (no-gag)<br>must notify-customer | — |",
      "| **card** | — | — | — |",
    ]);
    expect(lines.at(-1)).toBe("");
  });
});
