import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { policy, retentionFor } from "@trunkiq/privacy-policy";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "./support/runCli";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const NOW = "2025-07-07T00:00:00Z";
const categories = Object.keys(policy.retention);
const jurisdictions = policy.jurisdictions;

interface Row {
  id: string;
  category: string;
  collectedAt: string;
  relationshipEndedAt?: string;
  legalHold?: boolean;
  jurisdiction?: string;
}

// Every category × jurisdiction × a spread of dates, with and without holds and relationship ends.
const rows: Row[] = [];
const dates = ["2010-01-01", "2019-06-30", "2023-12-31", "2024-01-31", "2025-01-06", "2025-07-06"];
for (const category of categories) {
  for (const jurisdiction of jurisdictions) {
    for (const collectedAt of dates) {
      for (const ended of [undefined, "2018-03-31", "2025-02-28"]) {
        for (const legalHold of [undefined, true]) {
          rows.push({
            id: `r${rows.length}`,
            category,
            collectedAt,
            jurisdiction,
            ...(ended ? { relationshipEndedAt: ended } : {}),
            ...(legalHold ? { legalHold } : {}),
          });
        }
      }
    }
  }
}

const expectedDue = rows
  .filter(
    (r) =>
      retentionFor(r.category as never, {
        collectedAt: new Date(r.collectedAt),
        ...(r.relationshipEndedAt ? { relationshipEndedAt: new Date(r.relationshipEndedAt) } : {}),
        ...(r.legalHold ? { legalHold: true } : {}),
        jurisdiction: r.jurisdiction as never,
        now: new Date(NOW),
      }).expired,
  )
  .map((r) => r.id);

const ndjson = join(dir, "records.ndjson");
writeFileSync(ndjson, `${rows.map((r) => JSON.stringify(r)).join("\n")}\n`);

const csvCell = (v: unknown) => {
  const s = v === undefined ? "" : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const columns = [
  "id",
  "category",
  "collectedAt",
  "relationshipEndedAt",
  "legalHold",
  "jurisdiction",
] as const;
const csv = join(dir, "records.csv");
writeFileSync(
  csv,
  `${columns.join(",")}\n${rows.map((r) => columns.map((c) => csvCell(r[c])).join(",")).join("\n")}\n`,
);

describe("retention sweep", () => {
  it("writes exactly the records retentionFor says are expired, as NDJSON", async () => {
    expect(expectedDue.length).toBeGreaterThan(0);
    expect(expectedDue.length).toBeLessThan(rows.length);
    const { code, stdout, stderr } = await runCli(["retention", "sweep", ndjson, "--now", NOW]);
    expect(code).toBe(0);
    const due = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(due.map((d) => d.id)).toEqual(expectedDue);
    for (const d of due) {
      const rule = (
        policy.retention as Record<string, Record<string, { law: string; section: string }>>
      )[d.category]?.[d.jurisdiction];
      expect(d.law).toBe(rule?.law);
      expect(d.section).toBe(rule?.section);
    }
    expect(stderr).toContain(`${rows.length} rows, 0 malformed`);
  });

  it("never marks a record under legal hold or with an open relationship as due", async () => {
    const due = new Set(
      (await runCli(["retention", "sweep", ndjson, "--now", NOW])).stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).id),
    );
    for (const r of rows) {
      if (r.legalHold) expect(due.has(r.id)).toBe(false);
      const anchor = (policy.retention as Record<string, Record<string, { anchor: string }>>)[
        r.category
      ]?.[r.jurisdiction ?? ""]?.anchor;
      if (anchor === "relationship-end" && !r.relationshipEndedAt)
        expect(due.has(r.id)).toBe(false);
    }
  });

  it("reads CSV input and writes CSV output with the same result", async () => {
    const { code, stdout } = await runCli([
      "retention",
      "sweep",
      csv,
      "--now",
      NOW,
      "--format",
      "csv",
    ]);
    expect(code).toBe(0);
    const [header, ...out]: string[][] = parse(stdout);
    expect(header).toEqual(["id", "category", "jurisdiction", "anchor", "rule", "law", "section"]);
    expect(out.map((r) => r[0])).toEqual(expectedDue);
  });

  it("handles quoted CSV fields with commas, quotes and line breaks", async () => {
    const file = join(dir, "quoted.csv");
    writeFileSync(
      file,
      'id,category,collectedAt\n"a,1",call-detail-record,2010-01-01\n"b""2",call-detail-record,2010-01-01\n"c\n3",call-detail-record,2010-01-01\n',
    );
    const { code, stdout, stderr } = await runCli([
      "retention",
      "sweep",
      file,
      "--now",
      NOW,
      "--json",
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const out = JSON.parse(stdout);
    expect(out.due.map((d: { id: string }) => d.id)).toEqual(["a,1", 'b"2', "c\n3"]);
    expect(out.summary.rows).toBe(3);
  });

  it("reports malformed rows by line number on stderr, keeps going, never marks them due and exits 2", async () => {
    const file = join(dir, "mixed.ndjson");
    writeFileSync(
      file,
      [
        '{"id":"ok","category":"call-detail-record","collectedAt":"2010-01-01"}',
        "{not json",
        '{"id":"x","category":"horoscope","collectedAt":"2010-01-01"}',
        '{"id":"y","category":"call-detail-record","collectedAt":"2010-02-30"}',
        '{"id":"z","category":"call-detail-record","collectedAt":"2010-01-01","legalHold":"maybe"}',
        '{"id":"ok2","category":"call-detail-record","collectedAt":"2010-01-01"}',
      ].join("\n"),
    );
    const { code, stdout, stderr } = await runCli(["retention", "sweep", file, "--now", NOW]);
    expect(code).toBe(2);
    expect(
      stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).id),
    ).toEqual(["ok", "ok2"]);
    expect(stderr).toMatch(/^line 2: not valid JSON$/m);
    expect(stderr).toMatch(
      new RegExp(
        `^line 3: category must be one of ${categories.join(", ")}, got "horoscope"$`,
        "m",
      ),
    );
    expect(stderr).toMatch(/^line 4: collectedAt must be an ISO 8601 date, got "2010-02-30"$/m);
    expect(stderr).toMatch(/^line 5: legalHold must be true or false, got "maybe"$/m);
    expect(stderr).toContain("6 rows, 4 malformed");
  });

  it("reports a CSV row with the wrong number of fields and an unclosed quote by line, exiting 2", async () => {
    const file = join(dir, "broken.csv");
    writeFileSync(
      file,
      'id,category,collectedAt\nshort,call-detail-record\nok,call-detail-record,2010-01-01\n"open,x,2010-01-01\n',
    );
    const { code, stdout, stderr } = await runCli([
      "retention",
      "sweep",
      file,
      "--now",
      NOW,
      "--format",
      "csv",
    ]);
    expect(code).toBe(2);
    expect(
      parse(stdout)
        .slice(1)
        .map((r: string[]) => r[0]),
    ).toEqual(["ok"]);
    expect(stderr).toMatch(/^line 2: expected 3 fields, got 2$/m);
    expect(stderr).toMatch(/^line 4: a quoted field opened on this line is never closed$/m);
  });

  it("prints the per-category summary inside --json", async () => {
    const { stdout } = await runCli(["retention", "sweep", ndjson, "--now", NOW, "--json"]);
    const out = JSON.parse(stdout);
    expect(out.due).toHaveLength(expectedDue.length);
    const expired = Object.values(
      out.summary.categories as Record<string, { expired: number }>,
    ).reduce((n, c) => n + c.expired, 0);
    expect(expired).toBe(expectedDue.length);
    expect(out.summary.rows).toBe(rows.length);
  });

  it("rejects a missing file and a bad --now in one line with exit 2", async () => {
    const missing = await runCli(["retention", "sweep", join(dir, "nope.ndjson")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^trunkiq-policy: cannot read ".*nope\.ndjson"\n$/);
    const badNow = await runCli(["retention", "sweep", ndjson, "--now", "yesterday"]);
    expect(badNow.code).toBe(2);
    expect(badNow.stderr).toContain("--now must be an ISO 8601 date");
  });
});
