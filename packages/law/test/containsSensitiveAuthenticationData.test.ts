import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { containsSensitiveAuthenticationData } from "../src";

/** Writes the words of a name in a random case and with random separators. */
const spelled = (words: readonly string[]) =>
  fc
    .tuple(
      fc.constantFrom("camel", "pascal", "snake", "kebab", "upper", "spaced", "dotted"),
      fc.constantFrom("", "card", "raw", "the"),
    )
    .map(([style, prefix]) => {
      const all = prefix ? [prefix, ...words] : [...words];
      const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
      switch (style) {
        case "camel":
          return all.map((w, i) => (i === 0 ? w : cap(w))).join("");
        case "pascal":
          return all.map(cap).join("");
        case "snake":
          return all.join("_");
        case "kebab":
          return all.join("-");
        case "upper":
          return all.join("_").toUpperCase();
        case "spaced":
          return all.join(" ");
        default:
          return all.join(".");
      }
    });

const sensitiveNames = [
  ["cvv"],
  ["cvv2"],
  ["cvc"],
  ["cvc2"],
  ["cid"],
  ["csc"],
  ["security", "code"],
  ["card", "verification", "value"],
  ["verification", "code"],
  ["pin"],
  ["pin", "block"],
  ["track1"],
  ["track", "2"],
  ["track", "data"],
  ["full", "track"],
  ["magstripe"],
  ["magnetic", "stripe"],
] as const;

describe("containsSensitiveAuthenticationData (PCI DSS 3.3.1)", () => {
  it("finds a key naming a verification code, a PIN or track data, in any case and with any separators", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...sensitiveNames).chain(spelled),
        fc.constantFrom("", "123", null, 0),
        (name, value) => {
          expect(containsSensitiveAuthenticationData({ deep: [{ [name]: value }] })).toBe(true);
          expect(containsSensitiveAuthenticationData(new Map([[name, value]]))).toBe(true);
        },
      ),
    );
  });

  it.each([
    "shipping",
    "shippingAddress",
    "pinned",
    "spinner",
    "opinion",
    "decided",
    "incident",
    "accountId",
    "processorReference",
    "maskedCardNumber",
    "cardLast4",
    "trackingNumber",
    "stripeCustomer",
    "description",
  ])("does not take %s for sensitive authentication data", (name) => {
    expect(containsSensitiveAuthenticationData({ [name]: "value" })).toBe(false);
  });

  it.each([
    ["track 1 data", "%B4111111111111111^DOE/JANE^2512101000000000000000?"],
    ["track 1 data without sentinels", "B4111111111111111^DOE/JANE^2512101"],
    ["track 2 data", ";4111111111111111=25121010000000000?"],
    ["track 2 data without sentinels", "4111111111111111=2512101"],
    ["EMV track 2 equivalent data", "4111111111111111D25121010000000000F"],
    ["track 2 data inside a note", "swiped: ;5555555555554444=2612?"],
  ])("finds %s in a value", (_, text) => {
    expect(containsSensitiveAuthenticationData({ note: text })).toBe(true);
    expect(containsSensitiveAuthenticationData(Buffer.from(text, "latin1"))).toBe(true);
  });

  it("finds track data in any record of a Luhn-valid or failing PAN and any expiry", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 12, maxLength: 19 }),
        fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 4, maxLength: 20 }),
        fc.string({ unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ /"), maxLength: 26 }),
        (pan, rest, name) => {
          expect(containsSensitiveAuthenticationData([`;${pan}=${rest}?`])).toBe(true);
          expect(containsSensitiveAuthenticationData([`%B${pan}^${name}^${rest}?`])).toBe(true);
        },
      ),
    );
  });

  it("does not take dates, amounts, masked numbers or references for track data", () => {
    expect(
      containsSensitiveAuthenticationData({
        at: "2025-07-07T10:00:00Z",
        masked: "411111******1111",
        amount: 1999,
        query: "a=1&b=2",
        note: "order 1234-5678 = 20 items",
      }),
    ).toBe(false);
  });

  it("answers true for a value it cannot read", () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(containsSensitiveAuthenticationData({ nested: proxy })).toBe(true);
  });
});
