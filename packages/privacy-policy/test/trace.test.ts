import { readFileSync } from "node:fs";
import { policyTextSections, policyTextSentences } from "@trunkiq/policy-core";
import { describe, expect, it } from "vitest";
import * as publicApi from "../src";
import * as schemaApi from "../src/schemas";
import { renderTrace } from "./support/renderTrace";
import { trace } from "./support/trace";

const policyText = readFileSync(
  new URL("../policy-text/privacy-policy-2025-07-07.txt", import.meta.url),
  "utf8",
);
const ruleSections = (section: string) => {
  const n = Number(/^§(\d+)/.exec(section)?.[1]);
  return n >= 2 && n <= 10;
};

/** Every `section` field anywhere in the declaration, with its path. */
function citedSections(value: unknown, path: string[] = []): [string, string][] {
  if (value === null || typeof value !== "object") return [];
  const found: [string, string][] = [];
  for (const [key, child] of Object.entries(value)) {
    if (key === "section" && typeof child === "string") found.push([path.join("."), child]);
    else found.push(...citedSections(child, [...path, key]));
  }
  return found;
}

function resolves(path: string): boolean {
  let node: unknown = publicApi.policy;
  for (const key of path.split(".")) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}

describe("traceability of the policy text", () => {
  it("ships the policy text of July 7, 2025", () => {
    expect(policyText.startsWith("Last Updated: July 7, 2025")).toBe(true);
  });

  it("cites only sections the policy text has", () => {
    const sections = new Set(policyTextSections(policyText).map((s) => s.section));
    const cited = citedSections(publicApi.policy);
    expect(cited.length).toBeGreaterThan(90);
    expect(cited.filter(([, section]) => !sections.has(section))).toEqual([]);
  });

  it("maps every sentence of sections 2–10 to what encodes it", () => {
    const sentences = policyTextSentences(policyText).filter((s) => ruleSections(s.section));
    expect(sentences.length).toBe(66);
    const untraced = sentences.filter(
      (s) => !trace.some((e) => e.section === s.section && s.sentence.startsWith(e.opening)),
    );
    expect(untraced).toEqual([]);
  });

  it("matches each trace entry to exactly one sentence of the text", () => {
    const sentences = policyTextSentences(policyText);
    for (const entry of trace) {
      const matches = sentences.filter(
        (s) => s.section === entry.section && s.sentence.startsWith(entry.opening),
      );
      expect({ entry: entry.opening, matches: matches.length }).toEqual({
        entry: entry.opening,
        matches: 1,
      });
    }
  });

  it("gives each rule-stating sentence an encoding, and each other one a reason", () => {
    for (const entry of trace) {
      const encoded = (entry.declarations?.length ?? 0) + (entry.guards?.length ?? 0);
      expect(encoded > 0 || (entry.informative ?? "").length > 0, entry.opening).toBe(true);
    }
  });

  it("points only at declarations and guards that exist", () => {
    const missingPaths = trace.flatMap((e) => e.declarations ?? []).filter((p) => !resolves(p));
    expect(missingPaths).toEqual([]);
    const exported = new Set([...Object.keys(publicApi), ...Object.keys(schemaApi)]);
    const missingGuards = [...new Set(trace.flatMap((e) => e.guards ?? []))].filter(
      (g) => !exported.has(g),
    );
    expect(missingGuards).toEqual([]);
  });

  it("keeps docs/policy-trace.md in step with the trace", async () => {
    await expect(renderTrace(policyText)).toMatchFileSnapshot("../../../docs/policy-trace.md");
  });
});
