import { describe, expect, it } from "vitest";
import {
  compileDiagnostics,
  expectedRefusals,
  formatDiagnostics,
} from "../../../test-support/compileDiagnostics";

const mistakes = new URL("./compileErrors/mistakes.ts", import.meta.url);
// One compile for every assertion; it type-checks the package's sources too.
const diagnostics = compileDiagnostics(mistakes);

describe("compile-time refusals read as sentences", () => {
  it("refuses every mistake with the sentence written above it", () => {
    const expected = expectedRefusals(mistakes);
    const refused = [...expected].map(([line, sentence]) => ({
      line,
      sentence,
      found: diagnostics.some((d) => d.line === line && d.message.includes(sentence)),
    }));
    expect(refused.filter((r) => !r.found)).toEqual([]);
    expect(diagnostics.filter((d) => !expected.has(d.line))).toEqual([]);
  });

  it("never shows never, the whole declaration or a String method in a message", () => {
    const messages = diagnostics.map((d) => d.message);
    expect(messages.filter((m) => /'never'|:\s*never\b|\bnever(\[\]|;|>)/.test(m))).toEqual([]);
    expect(messages.filter((m) => /readonly (id|scopes|jurisdictions):/.test(m))).toEqual([]);
    expect(messages.filter((m) => /\bString\b|anchor\(|toString/.test(m))).toEqual([]);
  });

  it("keeps the messages pinned in mistakes.snapshot.txt", async () => {
    await expect(formatDiagnostics(mistakes, diagnostics)).toMatchFileSnapshot(
      "./compileErrors/mistakes.snapshot.txt",
    );
  });
});
