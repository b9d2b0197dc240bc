import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withCheckDigit } from "../../../test-support/luhn";
import { containsFullCardNumber } from "../src";
import {
  accountSchema,
  callDetailRecordSchema,
  communicationContentRecordSchema,
  ipAddressRecordSchema,
  paymentTransactionSchema,
} from "../src/schemas";

const fcOptions = { numRuns: 200, ...(process.env.CI ? { seed: 20250707 } : {}) };
const transaction = {
  id: "tx-1",
  accountId: "acct-1",
  amountMinor: 1999,
  currency: "USD",
  occurredAt: "2025-07-07T10:00:00Z",
  status: "captured",
  processor: "stripe",
  processorReference: "ch_123",
};

describe("§2(a) payment transactions never hold a full card number", () => {
  it("accepts a masked card number and the last four digits", () => {
    const r = paymentTransactionSchema.safeParse({
      ...transaction,
      maskedCardNumber: "411111******1111",
      cardLast4: "1111",
    });
    expect(r.success).toBe(true);
  });

  it("rejects a full card number in any field, however deep, citing §2(a)", () => {
    for (const extra of [
      { description: "paid with 4111 1111 1111 1111" },
      { metadata: { card: { pan: "4111-1111-1111-1111" } } },
      { metadata: { list: ["x", ["5555555555554444"]] } },
    ]) {
      const r = paymentTransactionSchema.safeParse({ ...transaction, ...extra });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toMatch(/§2\(a\)/);
    }
  });

  it("rejects a field the schema does not name rather than dropping it", () => {
    expect(
      paymentTransactionSchema.safeParse({ ...transaction, pan: "4111111111111111" }).success,
    ).toBe(false);
  });

  it("accepts a masked number only as the first six, three to nine mask signs and the last four", () => {
    const masked = (maskedCardNumber: string) =>
      paymentTransactionSchema.safeParse({ ...transaction, maskedCardNumber });
    for (const ok of [
      "411111***1111",
      "411111*********1111",
      "411111XXXXXX1111",
      "411111xx•x1111",
    ]) {
      expect(masked(ok).success, ok).toBe(true);
    }
    for (const bad of [
      "411111**1111",
      "411111**********1111",
      "41111******11111",
      "4111111******111",
      "411111------1111",
      " 411111******1111",
      "411111******1111 ",
    ]) {
      const r = masked(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues.map((i) => i.message)).toContain(
        "§2(a): a card number is stored masked (first six, last four)",
      );
    }
  });

  it("refuses a full number given as the masked card number as a full card number", () => {
    const r = paymentTransactionSchema.safeParse({
      ...transaction,
      maskedCardNumber: "4111111111111111",
    });
    expect(r.error?.issues).toEqual([
      expect.objectContaining({
        path: ["maskedCardNumber"],
        message: expect.stringMatching(/^§2\(a\): a full card number may not be stored/),
      }),
    ]);
  });

  it("names the field that holds a full card number", () => {
    const r = paymentTransactionSchema.safeParse({
      ...transaction,
      description: "4111 1111 1111 1111",
      metadata: { note: "ok", maskedCardNumber: "411111******1111" },
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues).toEqual([
      expect.objectContaining({
        code: "custom",
        path: ["description"],
        message: expect.stringMatching(/^§2\(a\): a full card number may not be stored/),
      }),
    ]);
  });

  it("takes a currency as an ISO 4217 code only", () => {
    for (const currency of ["usd", "US", "USDT", "U$D"]) {
      const r = paymentTransactionSchema.safeParse({ ...transaction, currency });
      expect(
        r.error?.issues.map((i) => i.message),
        currency,
      ).toEqual(["an ISO 4217 currency code"]);
    }
  });

  it("checks the amount, currency, status and last four digits", () => {
    const accepts = (patch: object) =>
      paymentTransactionSchema.safeParse({ ...transaction, ...patch }).success;
    for (const status of ["authorised", "captured", "refunded", "failed"]) {
      expect(accepts({ status }), status).toBe(true);
    }
    expect(accepts({ amountMinor: -500, cardLast4: "0042" })).toBe(true);
    for (const patch of [
      { status: "pending" },
      { amountMinor: 19.99 },
      { cardLast4: "111" },
      { cardLast4: "11111" },
      { cardLast4: "abcd" },
      { processor: "" },
      { processorReference: "" },
      { id: "" },
      { accountId: "" },
      { occurredAt: "not a date" },
    ]) {
      expect(accepts(patch), JSON.stringify(patch)).toBe(false);
    }
  });

  it("finds every Luhn-valid 13–19 digit number, with or without separators", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 12, max: 18 })
          .chain((n) =>
            fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: n, maxLength: n }),
          ),
        fc.constantFrom("", " ", "-"),
        (body, sep) => {
          const pan = withCheckDigit(body);
          const grouped = pan.replace(/(\d{4})(?=\d)/g, `$1${sep}`);
          expect(containsFullCardNumber({ deep: [{ note: `card ${grouped}.` }] })).toBe(true);
          const masked = `${pan.slice(0, 6)}${"*".repeat(pan.length - 10)}${pan.slice(-4)}`;
          expect(containsFullCardNumber({ masked })).toBe(false);
        },
      ),
      fcOptions,
    );
  });

  it("ignores numbers that fail Luhn or have the wrong length", () => {
    expect(containsFullCardNumber("4111111111111113")).toBe(false);
    expect(containsFullCardNumber("411111111111")).toBe(false);
    expect(containsFullCardNumber("+12125550100")).toBe(false);
  });

  it("survives cycles and hostile values without throwing", () => {
    const cyclic: Record<string, unknown> = { a: "x" };
    cyclic.self = cyclic;
    expect(containsFullCardNumber(cyclic)).toBe(false);
    cyclic.card = new Map([["k", new Set(["4111111111111111"])]]);
    expect(containsFullCardNumber(cyclic)).toBe(true);
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error("no");
        },
      },
    );
    expect(containsFullCardNumber(hostile)).toBe(true);
    fc.assert(
      fc.property(fc.anything(), (v) => typeof containsFullCardNumber(v) === "boolean"),
      fcOptions,
    );
  });
});

describe("§2(a) payment transactions never hold sensitive authentication data (PCI DSS 3.3.1)", () => {
  const refusal = (r: {
    error?: { issues: readonly { path: PropertyKey[]; message: string }[] };
  }) => r.error?.issues.map((i) => [i.path, i.message.slice(0, 22)]);

  it("refuses a verification code, PIN or track data under any key, naming the field", () => {
    for (const metadata of [
      { cvv: "123" },
      { card: { CVC2: "123" } },
      { "security-code": "1234" },
      { pinBlock: "0412AC89ABCDEF67" },
      { nested: new Map([["track_2", "x"]]) },
      // Track data around digits no 13–19 digit window of which passes Luhn: only the track
      // pattern can refuse these.
      { raw: ";4382454509714492=2512101?" },
      { raw: "%B4382454509714492^DOE/JANE^2512101?" },
    ]) {
      const r = paymentTransactionSchema.safeParse({ ...transaction, metadata });
      expect(refusal(r), JSON.stringify(metadata)).toEqual([
        [["metadata"], "§2(a), PCI DSS 3.3.1: "],
      ]);
    }
  });

  it("refuses a top-level field named for sensitive authentication data with the PCI DSS reason", () => {
    const r = paymentTransactionSchema.safeParse({ ...transaction, cvv: "123" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toEqual(
      expect.objectContaining({ path: ["cvv"], message: expect.stringMatching(/PCI DSS 3\.3\.1/) }),
    );
  });

  it("refuses a card number under an own __proto__ key of parsed JSON, which parsing would drop", () => {
    const metadata = JSON.parse('{"__proto__": {"pan": "4111111111111111"}}');
    expect(Object.hasOwn(metadata, "__proto__")).toBe(true);
    const r = paymentTransactionSchema.safeParse({ ...transaction, metadata });
    expect(refusal(r)).toEqual([[["metadata"], "§2(a): a full card num"]]);
    const sad = JSON.parse('{"__proto__": {"cvv": "123"}}');
    expect(refusal(paymentTransactionSchema.safeParse({ ...transaction, metadata: sad }))).toEqual([
      [["metadata"], "§2(a), PCI DSS 3.3.1: "],
    ]);
  });

  it("scans the record it returns, not only the input it was given", () => {
    // Clean for the two scans of the input, a card number once parsing reads it.
    let reads = 0;
    const metadata = {
      get note() {
        reads++;
        return reads > 2 ? "4111 1111 1111 1111" : "clean";
      },
    };
    const r = paymentTransactionSchema.safeParse({ ...transaction, metadata });
    expect(reads).toBe(3);
    expect(refusal(r)).toEqual([[["metadata"], "§2(a): a full card num"]]);
  });

  it("reads a valid timestamp as a moment, not as digits", () => {
    // 10:00:00.123+05:30 holds 13 digits that would pass Luhn if read as text.
    const occurredAt = "2025-07-07T10:00:00.008+05:30";
    expect(containsFullCardNumber(occurredAt)).toBe(true);
    expect(paymentTransactionSchema.safeParse({ ...transaction, occurredAt }).success).toBe(true);
  });

  it("refuses any Luhn-valid number hidden in metadata text, however it is written", () => {
    const digitForms = ["0123456789", "０１２３４５６７８９", "٠١٢٣٤٥٦٧٨٩"];
    fc.assert(
      fc.property(
        fc
          .integer({ min: 12, max: 18 })
          .chain((n) =>
            fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: n, maxLength: n }),
          ),
        fc.constantFrom(...digitForms),
        fc.constantFrom("", " ", ".", "/", "_", "\t", "\u00a0", "\u200b"),
        fc.string({ maxLength: 10 }).map((t) => t.replace(/\p{Nd}/gu, "")),
        (body, forms, sep, note) => {
          const pan = [...withCheckDigit(body)].map((d) => forms[Number(d)]).join(sep);
          const r = paymentTransactionSchema.safeParse({
            ...transaction,
            metadata: { note: `${note} ${pan} ${note}` },
          });
          expect(refusal(r)).toEqual([[["metadata"], "§2(a): a full card num"]]);
        },
      ),
      fcOptions,
    );
  });
});

describe("§2(b) call detail records and IP addresses", () => {
  const cdr = {
    id: "cdr-1",
    accountId: "acct-1",
    callingNumber: "+12125550100",
    calledNumber: "+442071838750",
    startedAt: "2025-07-07T10:00:00Z",
    durationSeconds: 62,
  };

  it("accepts E.164 numbers and reads the start time into a Date", () => {
    const r = callDetailRecordSchema.parse(cdr);
    expect(r.startedAt).toEqual(new Date("2025-07-07T10:00:00Z"));
  });

  it("refuses a start time that is null, a number or without an offset instead of reading it as 1970 or local time", () => {
    for (const startedAt of [
      null,
      0,
      1720346400,
      "1720346400",
      "2025-07-07T10:00:00",
      "2025-07-07",
    ]) {
      const r = callDetailRecordSchema.safeParse({ ...cdr, startedAt });
      expect(r.error?.issues, String(startedAt)).toEqual([
        expect.objectContaining({
          path: ["startedAt"],
          message: expect.stringMatching(/^startedAt: a timestamp is a Date or an ISO 8601/),
        }),
      ]);
    }
    expect(
      callDetailRecordSchema.parse({ ...cdr, startedAt: "2025-07-07T12:00:00+02:00" }).startedAt,
    ).toEqual(new Date("2025-07-07T10:00:00Z"));
  });

  it("rejects numbers that are not E.164", () => {
    for (const n of ["12125550100", "+0212555", "+1212555010012345", "+1 212 555 0100"]) {
      expect(callDetailRecordSchema.safeParse({ ...cdr, callingNumber: n }).success).toBe(false);
    }
  });

  it("takes E.164 numbers of 2 to 15 digits, whole, citing §2(b)", () => {
    for (const n of ["+12", "+123456789012345"]) {
      expect(callDetailRecordSchema.safeParse({ ...cdr, calledNumber: n }).success, n).toBe(true);
    }
    for (const n of ["+1", "x+12125550100", "+12125550100x", "+1212555010a"]) {
      const r = callDetailRecordSchema.safeParse({ ...cdr, calledNumber: n });
      expect(r.success, n).toBe(false);
      expect(r.error?.issues[0]?.message).toBe(
        "§2(b): a telephone number is stored in E.164 form (+ and up to 15 digits)",
      );
    }
  });

  it("takes a whole, non-negative duration and routing fields it names", () => {
    const accepts = (patch: object) =>
      callDetailRecordSchema.safeParse({ ...cdr, ...patch }).success;
    expect(accepts({ durationSeconds: 0 })).toBe(true);
    expect(
      accepts({ routing: { trunk: "t1", carrier: "c", route: "r", disposition: "answered" } }),
    ).toBe(true);
    for (const patch of [
      { durationSeconds: -1 },
      { durationSeconds: 1.5 },
      { routing: { trunk: "t1", callerName: "Ada" } },
      { routing: { trunk: 7 } },
      { id: "" },
      { accountId: "" },
      { startedAt: "not a date" },
    ]) {
      expect(accepts(patch), JSON.stringify(patch)).toBe(false);
    }
  });

  it("refuses call content in a CDR (§2(c))", () => {
    expect(callDetailRecordSchema.safeParse({ ...cdr, transcript: "hello" }).success).toBe(false);
  });

  it("accepts IPv4 and IPv6 addresses only", () => {
    const base = { accountId: "acct-1", observedAt: "2025-07-07T10:00:00Z" };
    expect(ipAddressRecordSchema.safeParse({ ...base, ip: "203.0.113.7" }).success).toBe(true);
    expect(ipAddressRecordSchema.safeParse({ ...base, ip: "2001:db8::1" }).success).toBe(true);
    expect(ipAddressRecordSchema.safeParse({ ...base, ip: "999.1.1.1" }).success).toBe(false);
    expect(ipAddressRecordSchema.safeParse({ ...base, ip: "2001:db8::g" }).success).toBe(false);
    expect(
      ipAddressRecordSchema.safeParse({ ...base, accountId: "", ip: "203.0.113.7" }).success,
    ).toBe(false);
    expect(ipAddressRecordSchema.parse({ ...base, ip: "203.0.113.7" }).observedAt).toEqual(
      new Date("2025-07-07T10:00:00Z"),
    );
  });
});

describe("§2(a) accounts", () => {
  it("accepts a complete account and refuses a phone number outside E.164", () => {
    const account = {
      id: "acct-1",
      companyName: "Acme LLC",
      representativeName: "Ada Lovelace",
      businessAddress: "1 Main St, New York, NY",
      email: "ada@acme.test",
      phone: "+12125550100",
    };
    expect(accountSchema.safeParse(account).success).toBe(true);
    expect(accountSchema.safeParse({ ...account, phone: "555-0100" }).success).toBe(false);
    for (const patch of [
      { email: "ada" },
      { id: "" },
      { companyName: "" },
      { representativeName: "" },
      { businessAddress: "" },
      { vatNumber: "GB123" },
    ]) {
      expect(accountSchema.safeParse({ ...account, ...patch }).success, JSON.stringify(patch)).toBe(
        false,
      );
    }
  });
});

describe("§2(c) communication content is stored only as the customer directs", () => {
  const recording = {
    id: "rec-1",
    accountId: "acct-1",
    callId: "call-1",
    recordedAt: "2025-07-07T10:00:00Z",
    mediaUri: "s3://recordings/rec-1.wav",
  };

  it("accepts a customer-directed recording", () => {
    expect(
      communicationContentRecordSchema.safeParse({ ...recording, customerDirected: true }).success,
    ).toBe(true);
  });

  it("needs every field of a recording", () => {
    for (const field of ["id", "accountId", "callId", "mediaUri"] as const) {
      const r = communicationContentRecordSchema.safeParse({
        ...recording,
        customerDirected: true,
        [field]: "",
      });
      expect(r.success, field).toBe(false);
    }
    expect(
      communicationContentRecordSchema.safeParse({
        ...recording,
        customerDirected: true,
        recordedAt: "not a date",
      }).success,
    ).toBe(false);
  });

  it("refuses any other content, citing §2(c)", () => {
    for (const customerDirected of [false, undefined, "yes"]) {
      const r = communicationContentRecordSchema.safeParse({ ...recording, customerDirected });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toMatch(
        /^§2\(c\): the content of communications is stored only/,
      );
    }
  });
});
