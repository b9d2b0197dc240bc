import { declaration, rulesOf } from "./declaration";

// The fixed question sets every candidate answers: first checked equal to the guards, then timed.

type Ctx = Readonly<Record<string, unknown>>;
export type PairQuestion = readonly [subject: string, category: string, context: Ctx | undefined];

// A pair whose answer differs by jurisdiction is asked of the US (the floors model that rule),
// or without a jurisdiction, which every candidate must deny.
const useContexts: readonly Ctx[] = [
  {},
  { consent: true, jurisdiction: "us" },
  { storage: "transient" },
  { customerDirected: true, jurisdiction: "us" },
  { legalProcess: "subpoena", jurisdiction: "us" },
  {
    consent: true,
    storage: "transient",
    customerDirected: true,
    legalProcess: "warrant",
    jurisdiction: "us",
  },
];
const shareContexts: readonly Ctx[] = [
  {},
  { legalProcess: "subpoena", jurisdiction: "us" },
  { legalProcess: "court-order", disclosureProhibited: true, jurisdiction: "us" },
  { businessTransfer: true },
  { necessaryToPreventHarm: true, jurisdiction: "us" },
  { storage: "transient" },
  { customerDirected: true, legalProcess: "warrant", jurisdiction: "us" },
  { sale: true, legalProcess: "interception-order", businessTransfer: true, jurisdiction: "us" },
];

const pairs = (question: "use" | "share", contexts: readonly (Ctx | undefined)[]) => {
  const rules = rulesOf(question);
  const out: PairQuestion[] = [];
  for (const context of contexts) {
    for (const subject of rules.subjects) {
      for (const category of rules.categories) {
        // canUse(purpose, category), canShare(category, recipient): the guards' argument order.
        out.push(question === "use" ? [subject, category, context] : [category, subject, context]);
      }
    }
  }
  return out;
};

/** Every purpose × category, no context. */
export const useWithoutContext = (): PairQuestion[] => pairs("use", [undefined]);
/** Every purpose × category under six contexts. */
export const useWithContext = (): PairQuestion[] => pairs("use", useContexts);
/** Every category × recipient under eight contexts. */
export const shareWithContext = (): PairQuestion[] => pairs("share", shareContexts);

/** Questions only the guards and floors answer: bad ids and contexts must be denied. */
export const invalidUse = (): PairQuestion[] => [
  ["marketing", "account", { consent: "yes" }],
  ["marketing", "account", { consent: true, storage: "disk" }],
  ["marketing", "account", { jurisdiction: "fr", consent: true }],
  ["marketing", "account", Object.create({ consent: true })],
  ["no-such-purpose", "account", undefined],
  ["marketing", "no-such-category", {}],
  ["toString", "account", undefined],
];
export const invalidShare = (): PairQuestion[] => [
  ["account", "authority", { legalProcess: 1 }],
  ["account", "no-such-recipient", undefined],
  ["constructor", "authority", { legalProcess: true }],
];

let seed = 7;
const rand = () => {
  seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const DAY = 86_400_000;
const start = Date.UTC(2012, 0, 1);
const span = Date.UTC(2026, 0, 1) - start;
// Month ends and leap days are where calendar arithmetic goes wrong.
const edges = ["2020-02-29", "2021-01-31", "2023-08-31", "2024-02-29", "2024-12-31", "2025-03-31"];
const randomDay = () =>
  rand() < 0.2
    ? new Date(`${edges[Math.floor(rand() * edges.length)]}T00:00:00Z`)
    : new Date(start + Math.floor(rand() * span) + Math.floor(rand() * DAY));

export type RetentionQuestion = readonly [category: string, context: Ctx];

/** 600 records over every category and jurisdiction: holds, open relationships, edge dates. */
export function retentionQuestions(): RetentionQuestion[] {
  seed = 11;
  const categories = Object.keys(declaration.retention);
  const out: RetentionQuestion[] = [];
  for (let i = 0; i < 600; i++) {
    const category = categories[i % categories.length] as string;
    const jurisdiction = declaration.jurisdictions[i % 3] as string;
    const collectedAt = randomDay();
    const ctx: Record<string, unknown> = { collectedAt, jurisdiction, now: randomDay() };
    if (rand() < 0.6)
      ctx.relationshipEndedAt = new Date(collectedAt.getTime() + rand() * 900 * DAY);
    if (rand() < 0.05) ctx.legalHold = true;
    out.push([category, ctx]);
  }
  return out;
}

/** Every category and jurisdiction at 40 moments, month ends and leap days among them. */
export function cutoffQuestions(): RetentionQuestion[] {
  seed = 13;
  const out: RetentionQuestion[] = [];
  const nows = Array.from({ length: 40 }, randomDay);
  for (const now of nows) {
    for (const category of Object.keys(declaration.retention)) {
      for (const jurisdiction of declaration.jurisdictions)
        out.push([category, { jurisdiction, now }]);
    }
  }
  return out;
}

export type ExerciseQuestion = readonly [right: string, category: string, context: Ctx];

/** Every right × category under open, ended, long-ended and held relationships, and for a prospect. */
export function exerciseQuestions(): ExerciseQuestion[] {
  const now = new Date("2025-07-07T12:00:00Z");
  const contexts: Ctx[] = [
    { now },
    { now, jurisdiction: "eea", relationshipEndedAt: new Date("2025-03-31T00:00:00Z") },
    { now, jurisdiction: "uk", relationshipEndedAt: new Date("2019-02-28T10:00:00Z") },
    { now, jurisdiction: "us", relationshipEndedAt: new Date("2023-12-31T23:59:59Z") },
    // Within the 18 months 47 CFR 42.6 keeps US account data.
    { now, jurisdiction: "us", relationshipEndedAt: new Date("2025-01-31T15:00:00Z") },
    // Someone who never became a customer: the keeping runs from the last contact.
    { now, jurisdiction: "eea", lastContactAt: new Date("2024-05-05T08:00:00Z") },
    { now, jurisdiction: "eea", legalHold: true, relationshipEndedAt: new Date("2015-01-01") },
  ];
  const out: ExerciseQuestion[] = [];
  for (const context of contexts) {
    for (const right of Object.keys(declaration.rights)) {
      for (const category of Object.keys(declaration.categories))
        out.push([right, category, context]);
    }
  }
  return out;
}

const words =
  "call routed through carrier trunk at 09:14 duration 312 seconds customer asked about invoice 2025-0612 and the porting of number +1 212 555 0142 ticket 88231 escalated to tier 2 ".split(
    " ",
  );

/** Ten flat records of about 1 KB: text, phone numbers, dates, masked, invalid and valid card numbers. */
export function cardRecords(): Record<string, string | number>[] {
  seed = 17;
  const cards = [
    "",
    "",
    "",
    "",
    "411111******1111",
    "4111 1111 1111 1113",
    "4111 1111 1111 1111",
    "5500-0000-0000-0004",
    "",
    "378282246310005",
  ];
  return cards.map((card, i) => {
    const text = (n: number) =>
      Array.from({ length: n }, () => words[Math.floor(rand() * words.length)]).join(" ");
    const record: Record<string, string | number> = {
      id: `ticket-${10_000 + i}`,
      createdAt: "2025-06-12T09:14:00Z",
      customer: "Acme Telecom Ltd",
      phone: "+44 20 7946 0958",
      subject: text(8),
      body: text(120),
      notes: `${text(20)} ${card} ${text(6)}`,
      amountCents: 129_900 + i,
    };
    // A JSON round trip leaves flat strings, as records read from a file or a database are.
    return JSON.parse(JSON.stringify(record)) as Record<string, string | number>;
  });
}

/**
 * 10 MB values the scan reads to their end: prose, a run of digit groups (no window of sevens
 * passes Luhn), and prose whose last characters are a card number.
 */
export function longTexts(): string[] {
  const prose = "Invoice 2025-07-07, 3 items at 19.99 USD; ref ab12cd34, call +1 415 555 0100. ";
  const size = 10_000_000;
  const text = prose.repeat(Math.ceil(size / prose.length)).slice(0, size);
  return [text, "7777 ".repeat(size / 5), `${text.slice(0, size - 20)} 4111 1111 1111 1111`];
}
