import { type ReachableScan, someReachable } from "./internal/someReachable";

// Names matched anywhere in a key reduced to lowercase letters and digits ("card_CVV2",
// "cardSecurityCode", "Track 2 Data"): none occurs inside an everyday word.
const NAMED_WITHIN = [
  "cvv",
  "cvc",
  "securitycode",
  "verificationcode",
  "verificationvalue",
  "pinblock",
  "trackdata",
  "track1",
  "track2",
  "fulltrack",
  "magstripe",
  "magneticstripe",
];
// Names matched only as whole words of a key ("pin", "cardPin", "PIN_2"), since they occur
// inside everyday words ("shipping", "decide").
const NAMED_WORDS = new Set(["pin", "cid", "cvn", "cvd", "csc", "cav", "pvv"]);
// Track 1 (ISO/IEC 7813): [%]B, the PAN, ^, the name, ^. Track 2: [;]PAN, = (or D in EMV
// track 2 equivalent data), the expiry YYMM.
const TRACK_1 = /B\d{12,19}\^[^^]{0,26}\^/i;
const TRACK_2 = /\d{12,19}[=D]\d{4}/i;
const latin1 = /* @__PURE__ */ new TextDecoder("latin1");

const hasTrackData = (text: string) => TRACK_1.test(text) || TRACK_2.test(text);

/**
 * Whether a property or `Map` key names sensitive authentication data: a card verification code
 * (`cvv`, `cvc`, `cvv2`, `cid`, `securityCode`…), a PIN or PIN block, or track data (`track1`,
 * `track2`, `trackData`, `magstripe`…), whatever the case and separators.
 */
export function namesSensitiveAuthenticationData(key: string): boolean {
  const compact = key.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (NAMED_WITHIN.some((name) => compact.includes(name))) return true;
  const words = key
    .replace(/([a-z\d])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z]+/);
  return words.some((word) => NAMED_WORDS.has(word));
}

const sensitiveScan: ReachableScan = {
  text: hasTrackData,
  bytes: (bytes) => hasTrackData(latin1.decode(bytes)),
  key: namesSensitiveAuthenticationData,
};

/**
 * Whether anything inside `value` holds sensitive authentication data, which PCI DSS
 * (Requirement 3.3.1) forbids keeping after authorisation, even encrypted:
 *
 * - by name: a key (any depth, `Map` keys too) naming a card verification code (`cvv`, `cvc`,
 *   `cvv2`, `cid`, `csc`, `securityCode`, `card_verification_value`…), a PIN or PIN block
 *   (`pin`, `pinBlock`, `PIN`), or track data (`track1`, `track2`, `trackData`, `magstripe`…).
 *   Case and separators do not matter; short names (`pin`, `cid`, `cvn`, `cvd`, `csc`, `cav`,
 *   `pvv`) count only as whole words of the key, so `shipping` or `decided` pass. The key is
 *   refused whatever its value, since a name alone cannot prove the value empty;
 * - by value: a string, or bytes read as Latin-1, holding track 1 data (`%B`, 12–19 digits,
 *   `^`, a name, `^`) or track 2 data (12–19 digits, `=` or `D`, four expiry digits), with or
 *   without the start and end sentinels.
 *
 * Scans like {@link containsFullCardNumber}: cycle-safe, own properties included, and `true` for
 * a value that cannot be read.
 *
 * @category Records
 * @example
 * containsSensitiveAuthenticationData({ card: { cvv: "123" } });                  // true
 * containsSensitiveAuthenticationData({ raw: ";4111111111111111=25121010000?" }); // true
 * containsSensitiveAuthenticationData({ shippingAddress: "1 Main St" });          // false
 */
export function containsSensitiveAuthenticationData(value: unknown): boolean {
  return someReachable(value, sensitiveScan);
}
