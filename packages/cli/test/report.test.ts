import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Policy } from "@trunkiq/policy-core";
import { definePolicy } from "@trunkiq/policy-core/schemas";
import { policy } from "@trunkiq/privacy-policy";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultKit } from "../src/defaultKit";
import { createPolicyKit } from "../src/PolicyKit";
import { allowedWhen } from "../src/report/allowedWhen";
import { buildReport } from "../src/report/buildReport";
import { anchorId, html } from "../src/report/html";
import { jurisdictionGrid } from "../src/report/jurisdictionGrid";
import { cellId, columnId, rowId } from "../src/report/matrixPage";
import { policyTrace } from "../src/report/policyTrace";
import { ids, internalLinks } from "./support/reportLinks";
import { runCli, tempDir } from "./support/runCli";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const policyText = readFileSync(
  join(import.meta.dirname, "../../privacy-policy/policy-text/privacy-policy-2025-07-07.txt"),
  "utf8",
);

// The exported policy as plain JSON, edited freely to make another version.
type PolicyJson = ReturnType<typeof JSON.parse>;
const edited = (edit: (p: PolicyJson) => void): Policy => {
  const copy = JSON.parse(JSON.stringify(policy));
  edit(copy);
  return definePolicy(copy) as Policy;
};

describe("html", () => {
  it("escapes every interpolated string and inserts nested fragments as they are", () => {
    const text = `<script>alert("x")</script> & 'quotes'`;
    expect(String(html`<p title="${text}">${text}${html`<br>`}</p>`)).toBe(
      `<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;<br></p>`,
    );
    expect(String(html`${["<a>", html`<b>`, null, false, 3]}`)).toBe("&lt;a&gt;<b>3");
  });

  it("makes ids that are valid fragments and never the same for different parts", () => {
    // Characters that are kept, escaped, or spell an escape, so collisions are likely if possible.
    const part = fc.string({
      unit: fc.constantFrom("a", "Z", "0", "-", "_", "2d", "<", '"', " ", "é", "😀"),
    });
    fc.assert(
      fc.property(
        fc.array(part, { minLength: 1, maxLength: 3 }),
        fc.array(part, { minLength: 1, maxLength: 3 }),
        (a, b) =>
          /^[A-Za-z0-9_-]*$/.test(anchorId(...a)) &&
          (JSON.stringify(a) === JSON.stringify(b)) === (anchorId(...a) === anchorId(...b)),
      ),
    );
  });
});

describe("allowedWhen", () => {
  const flags = ["a", "b", "c"].map((name) => ({ name, values: [false, true] }));
  const contexts = [...Array(8).keys()].map((n) => ({ a: !!(n & 1), b: !!(n & 2), c: !!(n & 4) }));

  it("names only the fields that change the answer", () => {
    const answers = contexts.map((context) => ({ context, allowed: context.a && !context.c }));
    expect(allowedWhen(flags, answers)).toEqual(["a = true and c = false"]);
  });

  it("says every context when nothing denies, and nothing when nothing allows", () => {
    expect(
      allowedWhen(
        flags,
        contexts.map((context) => ({ context, allowed: true })),
      ),
    ).toEqual(["in every context"]);
    expect(
      allowedWhen(
        flags,
        contexts.map((context) => ({ context, allowed: false })),
      ),
    ).toEqual([]);
  });

  it("gives terms that hold in exactly the allowing contexts", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (table) => {
        const answers = contexts.map((context, i) => ({ context, allowed: table[i] as boolean }));
        const terms = allowedWhen(flags, answers);
        const holds = (context: Record<string, boolean>) =>
          terms.some(
            (t) =>
              t === "in every context" ||
              t.split(" and ").every((part) => {
                const [name, value] = part.split(" = ");
                return String(context[name as string]) === value;
              }),
          );
        for (const a of answers) expect(holds(a.context)).toBe(a.allowed);
      }),
    );
  });
});

describe("the grid of each jurisdiction", () => {
  const kit = defaultKit();

  it("answers every cell as the guards do in every context of the jurisdiction (§3, §4)", () => {
    for (const j of policy.jurisdictions) {
      const grid = jurisdictionGrid(kit, "use", j);
      const cell = grid.cells.marketing?.account;
      expect(cell?.state).toBe("conditional");
      expect(cell?.bases).toEqual(["consent"]);
      expect(cell?.allowedWhen).toEqual(["consent = true"]);
      expect(cell?.obligations.map((o) => o.id)).toEqual(["honour-opt-out"]);
      expect(cell?.grants[0]?.text).toBe(policy.purposes.marketing.text);
      expect(cell?.denials.map((r) => r.code)).toEqual(["condition-unmet"]);
      const share = jurisdictionGrid(kit, "share", j);
      for (const category of share.rows) {
        // §4: nothing is ever sold or shared with a data broker.
        expect(share.cells[category]?.["data-broker"]?.state).toBe("denied");
      }
    }
  });

  it("asks the guards with the jurisdiction, so a rule that differs by jurisdiction shows in its grid", () => {
    const local = edited((p) => {
      p.conditions["in-eea"] = {
        field: "jurisdiction",
        equals: "eea",
        section: "§3",
        text: "a rule of one jurisdiction",
      };
      p.purposes["service-monitoring"].uses["ip-address"].unless = ["in-eea"];
    });
    const kit2 = createPolicyKit(local, {});
    expect(
      jurisdictionGrid(kit2, "use", "us").cells["service-monitoring"]?.["ip-address"]?.state,
    ).toBe("allowed");
    const eea = jurisdictionGrid(kit2, "use", "eea").cells["service-monitoring"]?.["ip-address"];
    expect(eea?.state).toBe("denied");
    expect(eea?.denials[0]?.code).toBe("condition-unmet");
  });
});

describe("the report's pages", { timeout: 30_000 }, () => {
  let files: Record<string, string>;
  beforeAll(() => {
    files = buildReport(defaultKit(), { policyText });
  });

  it("has an id for every cell of every grid, every id once", () => {
    const matrix = files["matrix.html"] as string;
    const present = ids(matrix);
    expect(new Set(present).size).toBe(present.length);
    const kit = defaultKit();
    for (const j of policy.jurisdictions) {
      for (const question of ["use", "share"] as const) {
        const grid = jurisdictionGrid(kit, question, j);
        for (const row of grid.rows) {
          expect(present).toContain(rowId(grid, row));
          for (const column of grid.columns) expect(present).toContain(cellId(grid, row, column));
        }
        for (const column of grid.columns) expect(present).toContain(columnId(grid, column));
      }
    }
    for (const text of Object.values(files)) {
      const own = ids(text);
      expect(new Set(own).size).toBe(own.length);
    }
  });

  it("links only to its own pages and to ids they have", () => {
    const links = internalLinks(files);
    expect(links.length).toBeGreaterThan(100);
    for (const link of links) expect(link.resolved, `${link.page}: ${link.href}`).toBe(true);
  });

  it("has no diff page without an earlier version", () => {
    expect(Object.keys(files).sort()).toEqual([
      "index.html",
      "matrix.html",
      "retention.html",
      "ropa.html",
      "trace.html",
    ]);
    for (const text of Object.values(files)) expect(text).not.toContain("diff.html");
  });

  it("gives every table a caption and header cells, and every cell a symbol and a word", () => {
    for (const text of Object.values(files)) {
      expect(text.match(/<table/g)?.length ?? 0).toBe(text.match(/<caption>/g)?.length ?? 0);
    }
    const cells = (files["matrix.html"] as string).match(/<td class="cell [a-z]+">.*?<\/summary>/g);
    expect(cells?.length).toBe(
      policy.jurisdictions.length *
        (Object.keys(policy.purposes).length + Object.keys(policy.recipients).length) *
        Object.keys(policy.categories).length,
    );
    for (const c of cells ?? [])
      expect(c).toMatch(/<summary[^>]*><span>(✓ allowed|◐ conditional|✗ denied)<\/span>/);
  });

  it("traces the policy text sentence by sentence, with each declaration under the section it cites", () => {
    const trace = policyTrace(defaultKit(), policyText);
    const section3 = trace.find((s) => s.section === "§3");
    const marketing = section3?.sentences.find((s) =>
      s.declarations.some((d) => d.what === "purpose marketing"),
    );
    expect(policy.purposes.marketing.text).toContain(marketing?.sentence);
    expect(files["trace.html"]).toContain(marketing?.sentence);
    const withoutText = policyTrace(defaultKit(), null);
    expect(withoutText.every((s) => s.sentences.length === 0 && s.heading === null)).toBe(true);
    expect(withoutText.flatMap((s) => s.paraphrased.map((d) => d.what))).toContain(
      "purpose marketing",
    );
  });

  it("draws every category's retention in every jurisdiction", () => {
    const retention = files["retention.html"] as string;
    for (const [category, byJ] of Object.entries(policy.retention)) {
      expect(retention).toContain(`id="${anchorId("retention", category)}"`);
      for (const rule of Object.values(byJ))
        expect(retention).toContain(rule.law.replaceAll("'", "&#39;"));
    }
  });
});

describe("a declaration's text in the report", { timeout: 30_000 }, () => {
  const payload = `<script>alert("pwned")</script><img src=x onerror=alert(1)>"'&`;
  it("is escaped on every page, so no declaration can inject markup", () => {
    const hostile = edited((p) => {
      p.title = `TrunkIQ ${payload}`;
      p.purposes.marketing.text = payload;
      p.categories.account.text = payload;
      p.categories.account.subjects = [payload];
      p.recipients.authority.text = payload;
      p.conditions.consent.text = payload;
      p.obligations["honour-opt-out"].text = payload;
      p.retention["call-detail-record"].us.law = payload;
      p.commitments.controller.name = payload;
      p.commitments.security.items = [payload];
    });
    const files = buildReport(createPolicyKit(hostile, {}), {
      policyText: `${policyText}\n13. More\n${payload}\n`,
      compare: edited((p) => {
        p.purposes.marketing.uses["call-detail-record"] = {};
      }),
    });
    expect(Object.keys(files)).toContain("diff.html");
    for (const [name, text] of Object.entries(files)) {
      expect(text, name).not.toContain("<script>alert");
      expect(text, name).not.toContain("<img");
      expect(text.match(/<script>/g)?.length, name).toBe(1);
    }
    expect(files["ropa.html"]).toContain(
      "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;",
    );
    expect(files["trace.html"]).toContain("&lt;script&gt;alert(&quot;pwned&quot;)");
  });
});

describe("the diff page", { timeout: 30_000 }, () => {
  it("lists widenings first, marked by a word and a symbol as well as a colour", () => {
    const old = edited((p) => {
      // The earlier version asked consent for support-vendor's data and kept CDRs longer.
      p.retention["call-detail-record"].us.period = { months: 24 };
      p.retention["call-detail-record"].us.maximum = { months: 24 };
      p.purposes.marketing.uses.account.when = ["consent"];
      delete p.purposes["product-development"];
    });
    const files = buildReport(defaultKit(), { policyText: null, compare: old });
    const diff = files["diff.html"] as string;
    const rows = [
      ...diff.matchAll(
        /<tr class="(widening|narrowing|neutral)"><td class="kind">([^<]*)<\/td><th scope="row">([^<]*)</g,
      ),
    ];
    expect(rows.length).toBeGreaterThan(0);
    const kinds = rows.map((r) => r[1]);
    expect(kinds).toEqual(
      [...kinds].sort(
        (a, b) =>
          ["widening", "narrowing", "neutral"].indexOf(a as string) -
          ["widening", "narrowing", "neutral"].indexOf(b as string),
      ),
    );
    expect(rows).toContainEqual(expect.arrayContaining(["widening", "▲ widening", "purposes"]));
    expect(rows).toContainEqual(
      expect.arrayContaining(["narrowing", "▼ narrowing", "retention call-detail-record (us)"]),
    );
    for (const r of rows) expect(r[2]).toMatch(/^(▲ widening|▼ narrowing|• neutral)$/);
    expect(files["index.html"]).toContain('href="diff.html"');
    for (const link of internalLinks(files)) expect(link.resolved, link.href).toBe(true);
  });
});

describe("report", { timeout: 60_000 }, () => {
  it("writes the pages into --out, creating the folder", async () => {
    const out = join(dir, "site");
    const { code, stdout } = await runCli(["report", "--out", out, "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).files).toHaveLength(5);
    expect(readdirSync(out).sort()).toEqual([
      "index.html",
      "matrix.html",
      "retention.html",
      "ropa.html",
      "trace.html",
    ]);
  });

  it("refuses to replace a report without --force, and leaves it untouched", async () => {
    const out = join(dir, "kept");
    expect((await runCli(["report", "--out", out])).code).toBe(0);
    writeFileSync(join(out, "trace.html"), "mine");
    const refused = await runCli(["report", "--out", out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/exists; --force replaces the report's pages/);
    expect(readFileSync(join(out, "trace.html"), "utf8")).toBe("mine");
    expect((await runCli(["report", "--out", out, "--force"])).code).toBe(0);
    expect(readFileSync(join(out, "trace.html"), "utf8")).toContain("<!DOCTYPE html>");
  });

  it("adds the diff page with --compare and refuses a file that is not an export", async () => {
    const old = join(dir, "old.json");
    expect((await runCli(["export", "--out", old, "--force"])).code).toBe(0);
    const out = join(dir, "compared");
    expect((await runCli(["report", "--out", out, "--compare", old])).code).toBe(0);
    expect(existsSync(join(out, "diff.html"))).toBe(true);
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{}");
    const refused = await runCli(["report", "--out", join(dir, "none"), "--compare", bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("is not a policy export");
    expect(existsSync(join(dir, "none"))).toBe(false);
  });
});
