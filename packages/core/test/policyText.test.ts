import { describe, expect, it } from "vitest";
import { policyTextSections, policyTextSentences } from "../src";

const text = [
  "Example Privacy Policy",
  "Last Updated: 2025-07-07",
  "",
  "1.  Introduction",
  "We are Example Co. We run a shop in the U.S. and abroad.",
  "2. What We Collect",
  "  We collect two kinds of data, e.g., accounts and orders.  Both are listed below.",
  "   ",
  "- a) Information You Provide: names and emails.",
  "- Your name! Your email?",
  "-b) Information We Observe",
  "IP addresses.\r",
  "- c)Retention",
  "Version 2. Kept for a year.",
  "Pick one - d) or e) - and tell us.",
  "10. Contact",
  "Write to us.",
].join("\n");

describe("a policy text's sections", () => {
  it("are its numbered headings and the lettered parts under them, with their lines", () => {
    expect(policyTextSections(text)).toEqual([
      { section: "§1", heading: "Introduction", line: 4 },
      { section: "§2", heading: "What We Collect", line: 6 },
      { section: "§2(a)", heading: "Information You Provide: names and emails.", line: 9 },
      { section: "§2(b)", heading: "Information We Observe", line: 11 },
      { section: "§2(c)", heading: "Retention", line: 13 },
      { section: "§10", heading: "Contact", line: 16 },
    ]);
  });

  it("ignore lettered items before the first numbered heading and headings without a title", () => {
    expect(policyTextSections("- a) Preface\n3.\n3. Sharing\n- b)")).toEqual([
      { section: "§3", heading: "Sharing", line: 3 },
    ]);
  });

  it("are none in an empty text", () => {
    expect(policyTextSections("")).toEqual([]);
    expect(policyTextSentences("")).toEqual([]);
  });
});

describe("a policy text's sentences", () => {
  it("carry the section they stand in, split where a capital follows . ! or ?", () => {
    expect(policyTextSentences(text)).toEqual([
      { section: "§1", sentence: "We are Example Co." },
      { section: "§1", sentence: "We run a shop in the U.S. and abroad." },
      { section: "§2", sentence: "We collect two kinds of data, e.g., accounts and orders." },
      { section: "§2", sentence: "Both are listed below." },
      { section: "§2(a)", sentence: "Your name!" },
      { section: "§2(a)", sentence: "Your email?" },
      { section: "§2(b)", sentence: "IP addresses." },
      { section: "§2(c)", sentence: "Version 2." },
      { section: "§2(c)", sentence: "Kept for a year." },
      { section: "§2(c)", sentence: "Pick one - d) or e) - and tell us." },
      { section: "§10", sentence: "Write to us." },
    ]);
  });

  it("leave out the title and anything else before the first section", () => {
    expect(policyTextSentences("Title. Dates.\n1. Scope\nAll of it.")).toEqual([
      { section: "§1", sentence: "All of it." },
    ]);
  });

  it("drop a bullet's dash but keep dashes inside the sentence", () => {
    expect(policyTextSentences("1. Scope\n- US-wide - and more.\nUS-wide - again.")).toEqual([
      { section: "§1", sentence: "US-wide - and more." },
      { section: "§1", sentence: "US-wide - again." },
    ]);
  });
});
