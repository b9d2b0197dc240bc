import countries from "i18n-iso-countries";
import { describe, expect, it } from "vitest";
import { countryCodes } from "../src/internal/countryCodes";

describe("countryCodes", () => {
  it("lists exactly the alpha-2 codes of i18n-iso-countries (regenerate with scripts/generate-country-codes.mjs)", () => {
    expect([...countryCodes]).toEqual(Object.keys(countries.getAlpha2Codes()).sort());
  });

  it("holds only two upper-case letters per code", () => {
    for (const code of countryCodes) expect(code).toMatch(/^[A-Z]{2}$/);
  });
});
