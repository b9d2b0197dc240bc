import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { policy } from "@trunkiq/privacy-policy";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./support/runCli";

// Debian's chromium package; playwright-core drives it and downloads no browser of its own.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const MISSING = "Chromium is not installed: apt-get install chromium";
const installed = existsSync(CHROMIUM);

// Written under reports/ (git-ignored) so the screenshots can be looked at after a run.
const root = resolve(import.meta.dirname, "../../..");
const out = join(root, "reports", "html-report");
const site = join(out, "site");
const PAGES = [
  "index.html",
  "matrix.html",
  "retention.html",
  "trace.html",
  "ropa.html",
  "diff.html",
];

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

/** Runs axe-core in the page and returns its serious and critical violations. */
async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  // In-page code is written as a string: the test is compiled without the DOM's types.
  const violations = (await page.evaluate(
    "axe.run(document).then((result) => result.violations)",
  )) as AxeViolation[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ ...v, nodes: v.nodes.slice(0, 3) }));
}

// axe-core walks every node of the matrix page (every cell's closed details included): about a
// minute on a busy machine.
describe("the HTML report in a browser", { timeout: 600_000 }, () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (!installed) {
      // Said once here as well, since a summary line counts skipped tests without their reason.
      if (!process.env.CI) console.warn(`${MISSING}: the report's browser tests are skipped`);
      return;
    }
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    // An earlier version without one purpose and with a longer CDR retention: the diff page then
    // has a widening and a narrowing to show.
    const old = join(out, "old.json");
    expect((await runCli(["export", "--out", old])).code).toBe(0);
    const doc = JSON.parse(readFileSync(old, "utf8"));
    delete doc.policy.purposes["product-development"];
    doc.policy.retention["call-detail-record"].us.period = { months: 24 };
    doc.policy.retention["call-detail-record"].us.maximum = { months: 24 };
    writeFileSync(old, JSON.stringify(doc));
    const written = await runCli(["report", "--out", site, "--compare", old]);
    expect(written.code, written.stderr).toBe(0);
    browser = await chromium.launch({ executablePath: CHROMIUM });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** A test that needs the browser: fails on CI without it, is skipped with the reason elsewhere. */
  const withBrowser = (name: string, body: (browser: Browser) => Promise<void>) =>
    it(name, async (context) => {
      if (!installed) {
        if (process.env.CI) throw new Error(MISSING);
        context.skip(MISSING);
      }
      await body(browser as Browser);
    });

  withBrowser("resolves every link of every page to a page and an id it has", async (b) => {
    const page = await b.newPage();
    const idsOf = new Map<string, Set<string>>();
    const links: { from: string; href: string }[] = [];
    for (const name of PAGES) {
      const response = await page.goto(pathToFileURL(join(site, name)).href);
      expect(response?.ok() ?? true).toBe(true);
      const found = (await page.evaluate(`({
        ids: [...document.querySelectorAll("[id]")].map((e) => e.id),
        hrefs: [...document.querySelectorAll("a[href]")].map((a) => a.href),
      })`)) as { ids: string[]; hrefs: string[] };
      idsOf.set(name, new Set(found.ids));
      for (const href of found.hrefs) links.push({ from: name, href });
    }
    expect(links.length).toBeGreaterThan(100);
    for (const { from, href } of links) {
      const url = new URL(href);
      expect(url.protocol, `${from}: ${href}`).toBe("file:");
      const file = decodeURIComponent(url.pathname).split("/").pop() as string;
      expect(existsSync(join(site, file)), `${from}: ${href}`).toBe(true);
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment) expect(idsOf.get(file)?.has(fragment), `${from}: ${href}`).toBe(true);
    }
    await page.close();
  });

  withBrowser(
    "opens every cell of every grid to its details, by mouse and by keyboard",
    async (b) => {
      const page = await b.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(pathToFileURL(join(site, "matrix.html")).href);
      const cells = (await page.evaluate(`
        [...document.querySelectorAll("td.cell")].map((td) => {
          const details = td.querySelector("details");
          return {
            id: details?.id ?? "",
            summary: details?.querySelector("summary")?.textContent ?? "",
            panel: details?.querySelector(".panel")?.textContent ?? "",
          };
        })`)) as { id: string; summary: string; panel: string }[];
      const categories = Object.keys(policy.categories).length;
      const pairs =
        (Object.keys(policy.purposes).length + Object.keys(policy.recipients).length) * categories;
      expect(cells).toHaveLength(policy.jurisdictions.length * pairs);
      for (const cell of cells) {
        expect(cell.id).not.toBe("");
        expect(cell.summary).toMatch(/^(✓ allowed|◐ conditional|✗ denied)/);
        expect(cell.panel).toMatch(/Answer/);
      }
      // Click opens a cell; opening another closes it.
      const first = page.locator("td.cell summary").first();
      await first.click();
      await expect.poll(() => page.locator("td.cell details[open]").count()).toBe(1);
      await expect.poll(() => page.locator("td.cell details[open] .panel").isVisible()).toBe(true);
      await page.screenshot({ path: join(out, "matrix-cell-open.png") });
      await page.locator("td.cell summary").nth(5).click();
      await expect.poll(() => page.locator("td.cell details[open]").count()).toBe(1);
      // Keyboard: Escape closes and returns focus; Enter on the focused summary opens it again.
      await page.keyboard.press("Escape");
      await expect.poll(() => page.locator("td.cell details[open]").count()).toBe(0);
      const focused = await page.evaluate("document.activeElement?.parentElement?.id");
      expect(focused).toBe(cells[5]?.id);
      await page.keyboard.press("Enter");
      await expect.poll(() => page.locator(`td.cell details[open]`).count()).toBe(1);
      await page.close();
    },
  );

  withBrowser(
    "has no serious or critical accessibility violations on any page (axe-core)",
    async (b) => {
      const page = await b.newPage({ viewport: { width: 1400, height: 900 } });
      for (const name of PAGES) {
        await page.goto(pathToFileURL(join(site, name)).href);
        await page.screenshot({
          path: join(out, name.replace(/\.html$/, ".png")),
          fullPage: name !== "matrix.html",
        });
        expect(await seriousViolations(page), name).toEqual([]);
      }
      await page.close();
    },
  );
});
