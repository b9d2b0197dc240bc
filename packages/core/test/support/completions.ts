import { fileURLToPath } from "node:url";
import ts from "typescript";
import { projectOptions } from "../../../../test-support/compileDiagnostics";

/**
 * What the editor offers at the end of each probe in `code`, a module written as if it sat in
 * this folder: e.g. `canUse("` → the declared purposes.
 */
export function completions(code: string, probes: readonly string[]): Record<string, string[]> {
  const file = fileURLToPath(new URL("./completionProbe.ts", import.meta.url));
  const options = projectOptions();
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [file],
    getScriptVersion: () => "1",
    getScriptSnapshot: (f) =>
      ts.ScriptSnapshot.fromString(f === file ? code : (ts.sys.readFile(f) ?? "")),
    getCurrentDirectory: () => process.cwd(),
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (f) => f === file || ts.sys.fileExists(f),
    readFile: (f) => (f === file ? code : ts.sys.readFile(f)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  const service = ts.createLanguageService(host);
  const offered: Record<string, string[]> = {};
  for (const probe of probes) {
    const at = code.indexOf(probe);
    if (at < 0) throw new Error(`probe not in code: ${probe}`);
    const found = service.getCompletionsAtPosition(file, at + probe.length, {});
    offered[probe] = (found?.entries ?? []).map((e) => e.name).sort();
  }
  return offered;
}
