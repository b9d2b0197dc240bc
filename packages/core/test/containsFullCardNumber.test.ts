import { describe, expect, it } from "vitest";
import { containsFullCardNumber } from "../src";

// Published test card numbers: each passes the Luhn check.
const visa = "4111111111111111";
const mastercard = "5555555555554444";
const amex = "378282246310005";

describe("containsFullCardNumber", () => {
  it.each([
    ["a Visa number", visa],
    ["a Mastercard number, whose doubled digits exceed 9", mastercard],
    ["a 15-digit Amex number", amex],
    ["a number grouped by spaces", "4111 1111 1111 1111"],
    ["a number grouped by dashes and spaces", "5555-5555 5555-4444"],
    ["a number inside a sentence", `card ${visa}, expires 12/30`],
  ])("finds %s", (_, text) => {
    expect(containsFullCardNumber(text)).toBe(true);
  });

  it.each([
    ["a run failing the Luhn check", "4111111111111112"],
    ["a masked number", "411111******1111"],
    ["a number whose groups are split by two spaces", "4111  1111 1111 1111"],
    ["a phone number", "+1 (415) 555-0100"],
    ["text without digits", "no card here"],
    ["the empty string", ""],
  ])("does not find one in %s", (_, text) => {
    expect(containsFullCardNumber(text)).toBe(false);
  });

  it("counts only runs of 13 to 19 digits that pass the Luhn check", () => {
    // Each of these passes the Luhn check; a leading zero keeps a number valid.
    expect(containsFullCardNumber("411111111117")).toBe(false); // 12 digits
    expect(containsFullCardNumber("4111111111119")).toBe(true); // 13 digits
    expect(containsFullCardNumber("4111111111111111110")).toBe(true); // 19 digits
    expect(containsFullCardNumber("41111111111111111115")).toBe(false); // 20 digits
    expect(containsFullCardNumber("0004111111111111111")).toBe(true);
    expect(containsFullCardNumber("00004111111111111111")).toBe(false);
  });

  it("finds a number in nested values, object keys, arrays, Maps and Sets", () => {
    expect(containsFullCardNumber({ a: { b: [1, { note: `pay ${visa}` }] } })).toBe(true);
    expect(containsFullCardNumber({ [visa]: "stored under its number" })).toBe(true);
    expect(containsFullCardNumber(new Map([[visa, "value"]]))).toBe(true);
    expect(containsFullCardNumber(new Map([["key", visa]]))).toBe(true);
    expect(containsFullCardNumber(new Set(["x", visa]))).toBe(true);
    expect(containsFullCardNumber([null, undefined, true, amex])).toBe(true);
  });

  it("finds a number in a property set on a Map, a Set, a Date or an array", () => {
    expect(containsFullCardNumber(Object.assign(new Map(), { note: visa }))).toBe(true);
    expect(containsFullCardNumber(Object.assign(new Set(), { note: visa }))).toBe(true);
    expect(containsFullCardNumber(Object.assign(new Date(0), { note: visa }))).toBe(true);
    expect(containsFullCardNumber(Object.assign([], { note: visa }))).toBe(true);
    expect(containsFullCardNumber(Object.assign(new Map([["k", "v"]]), { note: "none" }))).toBe(
      false,
    );
  });

  it("finds a number held as a number or a bigint", () => {
    expect(containsFullCardNumber(4111111111111111)).toBe(true);
    expect(containsFullCardNumber(4111111111111111n)).toBe(true);
    expect(containsFullCardNumber({ pan: 5555555555554444 })).toBe(true);
    expect(containsFullCardNumber(4111111111111112)).toBe(false);
  });

  it("answers false for records free of card numbers, nulls and dates included", () => {
    expect(
      containsFullCardNumber({
        id: 42,
        name: "Ada",
        tags: new Set(["vip"]),
        seen: new Map([["2024", new Date("2024-01-31T00:00:00Z")]]),
        nothing: null,
        missing: undefined,
        flag: false,
        [Symbol("meta")]: "symbol-keyed",
      }),
    ).toBe(false);
    expect(containsFullCardNumber(null)).toBe(false);
    expect(containsFullCardNumber(undefined)).toBe(false);
  });

  it("visits a cyclic structure once and still finds a number in it", () => {
    const record: Record<string, unknown> = { name: "Ada" };
    record.self = record;
    record.list = [record, new Map([["back", record]])];
    expect(containsFullCardNumber(record)).toBe(false);
    record.card = visa;
    expect(containsFullCardNumber(record)).toBe(true);
  });

  it("scans symbol-keyed properties' values", () => {
    expect(containsFullCardNumber({ [Symbol("card")]: visa })).toBe(true);
  });

  it("answers true for a value it cannot read, since nothing proves it free of a card number", () => {
    const throwing = {
      get note() {
        throw new Error("unreadable");
      },
    };
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(containsFullCardNumber(throwing)).toBe(true);
    expect(containsFullCardNumber({ nested: [proxy] })).toBe(true);
  });
});
