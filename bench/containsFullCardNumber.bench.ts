import { bench, describe } from "vitest";
import { containsFullCardNumber } from "../packages/law/src";

// Worst cases for the scan: long texts with no card number, read to their end.
const words = "Invoice 2025-07-07, 3 items at 19.99 USD; ref ab12cd34, call +1 415 555 0100. ";
const text = words.repeat(Math.ceil(10_000_000 / words.length)).slice(0, 10_000_000);
// Every 16-digit span of these groups fails Luhn, so each group end checks windows in vain.
const digits = "1111 ".repeat(2_000_000);
const bytes = new TextEncoder().encode(text.slice(0, 4_000_000));
const wide = "１１１１ ".repeat(2_000_000);

describe("containsFullCardNumber", () => {
  bench("10 MB of prose with dates, amounts and references", () => {
    containsFullCardNumber(text);
  });
  bench("10 MB of digit groups", () => {
    containsFullCardNumber(digits);
  });
  bench("a 4 MB byte array", () => {
    containsFullCardNumber(bytes);
  });
  bench("10 MB of full-width digits and spaces", () => {
    containsFullCardNumber(wide);
  });
});
