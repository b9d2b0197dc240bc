import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { markdownFiles } from "../../test-support/docSnippets";
import { isAbsolute, linksOf, relativeLinks } from "./links";

// A package README is what the npm registry shows, away from the repository: its links must be
// absolute. Every other page is read in the repository, where a relative link must name a file
// that exists. Links into the repository, absolute or not, must not go stale.

const root = fileURLToPath(new URL("../..", import.meta.url));
const read = (file: string) => readFileSync(join(root, file), "utf8");
const rootManifest = JSON.parse(read("package.json")) as { name: string };

interface Manifest {
  readonly name: string;
  readonly private?: boolean;
  readonly repository?: { type?: string; url?: string; directory?: string };
  readonly homepage?: string;
}

const packageReadmes = markdownFiles(root).filter((f) => /^packages\/[^/]+\/README\.md$/.test(f));
const manifestOf = (readme: string) =>
  JSON.parse(read(join(dirname(readme), "package.json"))) as Manifest;
const repositoryUrls = new Set(packageReadmes.map((f) => manifestOf(f).repository?.url));
/** The repository's web address, from the packages' `repository` field. */
const repository = [...repositoryUrls][0]?.replace(/^git\+/, "").replace(/\.git$/, "") ?? "";

/** The repository path an absolute link to the repository's main branch names, if it does. */
function repositoryPath(target: string): string | undefined {
  const prefix = /^(?:blob|tree)\/main\//;
  if (!target.startsWith(`${repository}/`)) return undefined;
  const rest = target.slice(repository.length + 1).replace(/[#?].*$/, "");
  return prefix.test(rest) ? rest.replace(prefix, "") : undefined;
}

describe("package READMEs, as the npm registry shows them", () => {
  it("finds every package's README and one repository for them all", () => {
    expect(packageReadmes.length).toBeGreaterThanOrEqual(7);
    expect([...repositoryUrls]).toEqual([expect.stringMatching(/^git\+https:\/\/github\.com\//)]);
    expect(rootManifest.name).toBeTruthy();
  });

  it.each(packageReadmes)("%s names its folder as the package's repository directory", (f) => {
    const manifest = manifestOf(f);
    expect(manifest.repository).toEqual({
      type: "git",
      url: [...repositoryUrls][0],
      directory: dirname(f),
    });
    expect(manifest.homepage).toBe(`${repository}/tree/main/${dirname(f)}#readme`);
  });

  it.each(packageReadmes)("%s has no link that only works inside the repository", (f) => {
    expect(relativeLinks(read(f))).toEqual([]);
  });

  it.each(packageReadmes)("%s says what it is, how to install it, shows it and links on", (f) => {
    const text = read(f);
    const { name } = manifestOf(f);
    expect(text.startsWith(`# ${name}\n`), "titled with the package name").toBe(true);
    expect(text, "an install command").toMatch(
      new RegExp(`npm install (?:--save-dev )?[^\\n]*${name.replace("/", "\\/")}(?:\\s|$)`),
    );
    const blocks = text.split("\n").filter((l) => /^```\w/.test(l));
    expect(blocks.length, "an example beside the install command").toBeGreaterThan(1);
    const intoDocs = linksOf(text).filter((l) => repositoryPath(l.target)?.startsWith("docs/"));
    expect(intoDocs.length, "links into docs/").toBeGreaterThan(0);
  });
});

describe("links into the repository", () => {
  const files = markdownFiles(root);

  it.each(files)("every link of %s into the repository names a file that exists", (f) => {
    const broken = linksOf(read(f)).flatMap(({ target, line }) => {
      const path = isAbsolute(target)
        ? repositoryPath(target)
        : target.startsWith("#")
          ? undefined
          : normalize(join(dirname(f), decodeURI(target.replace(/[#?].*$/, ""))));
      return path === undefined || existsSync(join(root, path)) ? [] : [`${f}:${line}: ${target}`];
    });
    expect(broken).toEqual([]);
  });
});
