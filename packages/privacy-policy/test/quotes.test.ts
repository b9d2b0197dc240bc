import { readFileSync } from "node:fs";
import { policyTextSections } from "@trunkiq/policy-core";
import { describe, expect, it } from "vitest";
import { policy, transferLaw } from "../src";

const policyText = readFileSync(
  new URL("../policy-text/privacy-policy-2025-07-07.txt", import.meta.url),
  "utf8",
);
// The files that quote the policy: the declaration and the transfer table beside it.
const quotingSources = ["../src/policy.ts", "../src/transferLaw.ts"].map((file) =>
  readFileSync(new URL(file, import.meta.url), "utf8"),
);

const normalise = (text: string) => text.replace(/\s+/g, " ").trim();

/** Every citation in the declaration: its path, section and quoted text. */
function quotes(
  value: unknown,
  path: string[] = [],
): { path: string; section: string; text: string }[] {
  if (value === null || typeof value !== "object") return [];
  const own = value as Record<string, unknown>;
  const found =
    typeof own.section === "string" && typeof own.text === "string"
      ? [{ path: path.join("."), section: own.section, text: own.text }]
      : [];
  for (const [key, child] of Object.entries(own)) found.push(...quotes(child, [...path, key]));
  return found;
}

/** The lines of a section and its lettered parts, whitespace-normalised. */
function sectionLines(section: string): string[] {
  const headings = policyTextSections(policyText);
  return policyText.split(/\r?\n/).flatMap((line, index) => {
    const owner = headings.filter((h) => h.line <= index + 1).at(-1)?.section;
    const inSection = owner === section || owner?.startsWith(`${section}(`);
    return inSection ? [normalise(line)] : [];
  });
}

/**
 * A quote is verbatim when it appears as written in one line (a paragraph or list item) of the
 * section it cites, whitespace aside. An ellipsis `" ... "` marks words left out, perhaps a
 * paragraph break: the parts around it appear in that order in the section, each in one line.
 */
function isVerbatim(quote: string, section: string): boolean {
  const parts = normalise(quote).split(" ... ");
  // Lines are joined by a line break no part contains, so a part cannot straddle two lines.
  const text = sectionLines(section).join("\n");
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

describe("quotes of the policy text (§1–§10)", () => {
  const cited = [...quotes(policy), ...quotes(transferLaw, ["transferLaw"])];

  it("finds every citation of the declaration", () => {
    expect(cited.length).toBeGreaterThanOrEqual(100);
  });

  it("quotes every sentence verbatim from the section it cites", () => {
    expect(cited.filter((q) => !isVerbatim(q.text, q.section))).toEqual([]);
  });

  it("lists each commitment's items as the section words them", () => {
    const items = Object.entries(policy.commitments).flatMap(([name, c]) =>
      "items" in c ? c.items.map((item) => ({ name, item, section: c.section })) : [],
    );
    expect(items.length).toBeGreaterThan(0);
    expect(items.filter(({ item, section }) => !isVerbatim(item, section))).toEqual([]);
  });

  it("reads an ellipsis as words left out, in order", () => {
    const vendors = "Third-Party Vendors: We use third-party vendors for functions such as";
    expect(isVerbatim(`${vendors} ... cloud hosting`, "§4")).toBe(true);
    expect(isVerbatim(`${vendors} ... data brokering`, "§4")).toBe(false);
    expect(isVerbatim("cloud hosting ... Third-Party Vendors:", "§4")).toBe(false);
    expect(isVerbatim("We do not sell your personal information.", "§3")).toBe(false);
    expect(isVerbatim("With Your Consent (Consent): To send you marketing", "§3")).toBe(false);
    expect(isVerbatim("If you are located in ... When we transfer personal data", "§8")).toBe(true);
    expect(isVerbatim("When we transfer personal data ... If you are located in", "§8")).toBe(
      false,
    );
    expect(isVerbatim("the same data protection laws. When we transfer", "§8")).toBe(false);
  });

  it("writes each repeated quote once, as a named constant", () => {
    const literals = quotingSources.flatMap((source) =>
      [...source.matchAll(/\btext:\s*"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]),
    );
    expect(literals.length).toBeGreaterThan(50);
    expect(literals.filter((text, i) => literals.indexOf(text) !== i)).toEqual([]);
  });
});
