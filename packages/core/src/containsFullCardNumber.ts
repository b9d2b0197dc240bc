/** Luhn (ISO/IEC 7812-1) check digit test over a string of digits. */
function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// A run of digits where single spaces or dashes may separate groups ("4111 1111-1111 1111").
const DIGIT_RUN = /\d(?:[ -]?\d)*/g;

/** `true` when the text holds a 13–19 digit run (spaces/dashes allowed) that passes Luhn. */
export function textHasFullCardNumber(text: string): boolean {
  for (const match of text.matchAll(DIGIT_RUN)) {
    const digits = match[0].replace(/[ -]/g, "");
    if (digits.length >= 13 && digits.length <= 19 && passesLuhn(digits)) return true;
  }
  return false;
}

/**
 * Whether any string anywhere inside `value` holds a full payment card number (PAN): 13 to 19
 * digits, optionally grouped by spaces or dashes, passing the Luhn check. Object keys, array
 * items, `Map`/`Set` entries, the own properties of any object and integers are scanned too; cycles are visited once. Masked
 * numbers such as `"411111******1111"` do not match, since the mask breaks the digit run.
 * Never throws: a value that cannot be read (a throwing getter, a revoked Proxy) answers
 * `true`, because nothing proves it free of a card number.
 *
 * @category Records
 * @example
 * containsFullCardNumber({ note: "card 4111 1111 1111 1111" }); // true
 * containsFullCardNumber({ card: "411111******1111" });         // false
 */
export function containsFullCardNumber(value: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  try {
    while (stack.length > 0) {
      const item = stack.pop();
      if (typeof item === "string") {
        if (textHasFullCardNumber(item)) return true;
      } else if (typeof item === "number" || typeof item === "bigint") {
        if (textHasFullCardNumber(item.toString())) return true;
      } else if (item !== null && typeof item === "object") {
        if (seen.has(item)) continue;
        seen.add(item);
        if (item instanceof Map) {
          for (const [k, v] of item) stack.push(k, v);
        } else if (item instanceof Set) {
          for (const v of item) stack.push(v);
        }
        // Own properties too: a Map, Set or Date can carry them as well as a plain object.
        for (const key of Reflect.ownKeys(item)) {
          if (typeof key === "string") stack.push(key);
          stack.push((item as Record<PropertyKey, unknown>)[key]);
        }
      }
    }
    return false;
  } catch {
    return true;
  }
}
