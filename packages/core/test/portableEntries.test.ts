import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The main, /engine, /types and /schemas entries run anywhere (browsers, edge runtimes): only
// the /audit entry may load Node's modules, and only /otel the OpenTelemetry API.
const src = fileURLToPath(new URL("../src", import.meta.url));
const NODE_ONLY = new Set(["audit.ts"]);
const OTEL = new Set(["otel.ts"]);

function sources(dir: string, prefix = ""): string[] {
  return readdirSync(join(src, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name), `${prefix}${entry.name}/`)
      : entry.name.endsWith(".ts")
        ? [`${prefix}${entry.name}`]
        : [],
  );
}

describe("core's portable entries", () => {
  const files = sources(".");

  it("import no Node module outside the audit entry", () => {
    const offending = files.filter(
      (f) => !NODE_ONLY.has(f) && /from "node:/.test(readFileSync(join(src, f), "utf8")),
    );
    expect(files).toContain("audit.ts");
    expect(offending).toEqual([]);
  });

  it("import the OpenTelemetry API only in the otel entry", () => {
    const offending = files.filter(
      (f) => !OTEL.has(f) && /from "@opentelemetry\//.test(readFileSync(join(src, f), "utf8")),
    );
    expect(offending).toEqual([]);
  });

  it("load no package but zod (for schemas) and the OpenTelemetry API at runtime", () => {
    // Import statements and re-exports naming a package; `import type` loads nothing.
    const packageImport =
      /^(?:import(?! type)|export)\b[^;]*?\bfrom "((?:@[^/"]+\/)?[^./"][^/"]*)/gm;
    const loaded = new Set(
      files.flatMap((f) =>
        [...readFileSync(join(src, f), "utf8").matchAll(packageImport)].map((m) => m[1]),
      ),
    );
    expect([...loaded].filter((name) => !name?.startsWith("node:")).sort()).toEqual([
      "@opentelemetry/api",
      "zod",
    ]);
    const manifest = JSON.parse(readFileSync(join(src, "../package.json"), "utf8"));
    expect(manifest.dependencies ?? {}).toEqual({});
  });

  it("are not imported by the main entry", () => {
    const main = readFileSync(join(src, "index.ts"), "utf8");
    expect(main).not.toMatch(/"\.\/(audit|otel)"/);
  });
});
