import * as core from "@trunkiq/policy-core";
import * as law from "@trunkiq/policy-law";
import { describe, expect, it } from "vitest";
import * as privacy from "../src";

// Every exported value of the three packages, by a name a failure can point at.
const exported: [string, unknown][] = [
  ...Object.entries(core).map(([name, value]): [string, unknown] => [`core.${name}`, value]),
  ...Object.entries(law).map(([name, value]): [string, unknown] => [`law.${name}`, value]),
  ...Object.entries(privacy).map(([name, value]): [string, unknown] => [`privacy.${name}`, value]),
];

// zod schemas cache parts of themselves lazily, so they are not frozen; no guard reads them.
const isSchema = (value: object) => Object.hasOwn(value, "_zod");

/** Every object and array reachable from the exports through own properties, with its path. */
function reachable(): [string, object][] {
  const found: [string, object][] = [];
  const seen = new Set<object>();
  const walk = (path: string, value: unknown) => {
    if (typeof value === "function") {
      // A function is not a table, but a table may hang off one (`guards.policy`).
      for (const key of Reflect.ownKeys(value)) {
        if (key === "prototype" || key === "length" || key === "name") continue;
        walk(`${path}.${String(key)}`, (value as unknown as Record<PropertyKey, unknown>)[key]);
      }
      return;
    }
    if (value === null || typeof value !== "object" || seen.has(value) || isSchema(value)) return;
    seen.add(value);
    found.push([path, value]);
    for (const key of Reflect.ownKeys(value)) {
      walk(`${path}.${String(key)}`, (value as Record<PropertyKey, unknown>)[key]);
    }
  };
  for (const [name, value] of exported) walk(name, value);
  return found;
}

const attempt = (mutate: () => unknown) => {
  try {
    mutate();
  } catch {
    // A frozen object refuses in strict mode; the point is only that nothing changes.
  }
};

/** Every way code could change an object or array in place, tried on every key. */
function mutateEverything(target: object) {
  const t = target as Record<PropertyKey, unknown>;
  for (const key of Reflect.ownKeys(target)) {
    attempt(() => {
      t[key] = Array.isArray(t[key]) ? [] : typeof t[key] === "object" ? {} : "x";
    });
    attempt(() => Object.defineProperty(target, key, { value: true }));
    attempt(() => delete t[key]);
  }
  for (const key of ["IN", "US", "sale", "legalHold", "consent", "scc", "access", "0"]) {
    attempt(() => {
      t[key] = "x";
    });
    attempt(() => Object.defineProperty(target, key, { value: "x", enumerable: true }));
  }
  if (Array.isArray(target)) {
    attempt(() => target.push("x"));
    attempt(() => target.splice(0, target.length));
    attempt(() => {
      target.length = 0;
    });
  }
  attempt(() => Object.setPrototypeOf(target, { sale: true, legalHold: false }));
}

const utc = (iso: string) => new Date(iso);
const now = utc("2026-01-01T00:00:00Z");

/** A broad set of answers of every guard of both packages, as plain data. */
function answers() {
  const p = privacy.policy;
  const purposes = Object.keys(p.purposes);
  const categories = Object.keys(p.categories);
  const recipients = Object.keys(p.recipients);
  const loose = privacy as unknown as Record<string, (...args: unknown[]) => unknown>;
  const useContexts = [undefined, {}, { consent: true }, { consent: true, storage: "transient" }];
  const shareContexts = [
    undefined,
    { legalProcess: true },
    { legalProcess: true, disclosureProhibited: true },
    { sale: true },
    { customerDirected: true },
    { businessTransfer: true },
  ];
  const out: unknown[] = [];
  const summary = (d: { allowed: boolean; reasons: readonly { code: string }[] }) => [
    d.allowed,
    d.reasons.map((r) => r.code),
  ];
  for (const purpose of purposes)
    for (const category of categories)
      for (const context of useContexts)
        out.push(summary(loose.canUse?.(purpose, category, context) as never));
  for (const category of categories)
    for (const recipient of recipients)
      for (const context of shareContexts)
        out.push(summary(loose.canShare?.(category, recipient, context) as never));
  const scheduled = privacy.withRetention({}) as unknown as Record<
    string,
    (...args: unknown[]) => { expired?: boolean; until?: Date | null; cutoff?: Date | null }
  >;
  for (const category of categories)
    for (const jurisdiction of p.jurisdictions)
      for (const legalHold of [undefined, true]) {
        const context = {
          collectedAt: utc("2015-01-01T00:00:00Z"),
          relationshipEndedAt: utc("2016-01-01T00:00:00Z"),
          jurisdiction,
          legalHold,
          now,
        };
        for (const decide of [loose.retentionFor, scheduled.retentionFor]) {
          const d = decide?.(category, context) as { expired: boolean; until: Date | null };
          out.push([d.expired, d.until?.toISOString()]);
        }
        const cut = loose.retentionCutoff?.(category, { jurisdiction, now }) as {
          cutoff: Date | null;
        };
        out.push(cut.cutoff?.toISOString());
      }
  for (const right of Object.keys(p.rights))
    for (const category of categories)
      for (const jurisdiction of p.jurisdictions) {
        const d = loose.canExercise?.(right, category, {
          jurisdiction,
          relationshipEndedAt: utc("2024-01-01T00:00:00Z"),
          now,
        }) as { allowed: boolean; until: Date | null; reasons: readonly { code: string }[] };
        out.push([...summary(d), d.until?.toISOString()]);
        const plan = loose.planRequest?.({ right, receivedAt: now, categories: [category] }) as {
          valid: boolean;
          actions?: readonly { action: string }[];
        };
        out.push([plan.valid, plan.actions?.map((a) => a.action)]);
      }
  for (const age of [10, 15, 16, 40]) out.push(summary(loose.canCollect?.({ age }) as never));
  const countries = ["DE", "FR", "GB", "US", "IN", "CH", "JP", "BR"];
  for (const from of countries)
    for (const to of countries)
      for (const mechanism of [undefined, "scc", "uk-idta", "uk-addendum", "dpf", "bcr"])
        out.push(
          summary(
            loose.canTransfer?.("account", {
              from,
              to,
              mechanism,
              at: utc("2025-07-07T00:00:00Z"),
            }) as never,
          ),
        );
  const ledger = [
    { subject: "a", purpose: "marketing", type: "granted", at: utc("2025-01-01T00:00:00Z") },
    { subject: "a", purpose: "marketing", type: "withdrawn", at: utc("2025-06-01T00:00:00Z") },
  ];
  for (const at of ["2024-12-01", "2025-03-01", "2025-07-01"])
    out.push(loose.consentAt?.(ledger, { subject: "a", purpose: "marketing", at: utc(at) }));
  const child = loose.planChildDataDiscovery?.({ discoveredAt: now, legalHold: ["account"] }) as {
    valid: boolean;
    actions?: readonly { category: string; action: string }[];
  };
  out.push([child.valid, child.actions?.map((a) => [a.category, a.action])]);
  out.push(law.gdprRights.join());
  return JSON.stringify(out);
}

describe("exported tables", () => {
  it("are deep-frozen, every object and array reachable from both packages' exports", () => {
    const tables = reachable();
    const objects = tables.map(([, value]) => value);
    for (const table of [law.gdprRights, privacy.transferLaw, privacy.policy]) {
      expect(objects).toContain(table);
    }
    expect(tables.filter(([, value]) => !Object.isFrozen(value)).map(([path]) => path)).toEqual([]);
  });

  it("change no decision and keep their contents when code tries to change them", () => {
    const before = answers();
    const tables = reachable();
    const contents = tables.map(([path, value]) => [path, Reflect.ownKeys(value).length]);
    const protos = tables.map(([, value]) => Object.getPrototypeOf(value));
    for (const [, value] of tables) mutateEverything(value);
    expect(tables.map(([path, value]) => [path, Reflect.ownKeys(value).length])).toEqual(contents);
    expect(tables.map(([, value]) => Object.getPrototypeOf(value))).toEqual(protos);
    expect(answers()).toBe(before);
  });

  it("refuses a transfer to India from Germany without a safeguard after an attempt to add an adequacy decision", () => {
    const adequate = privacy.transferLaw.regions.eea?.adequate as Record<string, unknown>;
    attempt(() => {
      adequate.IN = { decision: "x", from: "2000-01-01" };
    });
    expect(
      privacy.canTransfer("account", {
        at: new Date("2025-07-07T00:00:00Z"),
        from: "DE",
        to: "IN",
      }).allowed,
    ).toBe(false);
  });

  it("keeps every right after an attempt to empty core's list of GDPR rights", () => {
    attempt(() => (law.gdprRights as unknown as string[]).splice(0));
    expect(law.gdprRights).toHaveLength(6);
    expect(privacy.canExercise("access", "account").allowed).toBe(true);
  });
});
