/** What a deep scan looks for; each answers `true` when it found it. */
export interface ReachableScan {
  /** A string value or key, a boxed string, or a number or bigint written in decimal. */
  text(text: string): boolean;
  /** The bytes of an ArrayBuffer, SharedArrayBuffer, typed array or DataView. */
  bytes(bytes: Uint8Array): boolean;
  /** A string property key or `Map` key (also passed to `text`). */
  key(key: string): boolean;
}

// Listing a typed array's or String object's own keys lists every index (about 1 µs each), so
// properties set on one beyond its elements are read only up to this many elements.
const MAX_INDEXED_KEYS = 4096;

const objectTag = Object.prototype.toString;
const stringValue = String.prototype.valueOf;
const numberValue = Number.prototype.valueOf;
const bigintValue = BigInt.prototype.valueOf;
const getter = (proto: object, name: string) => {
  const get = Object.getOwnPropertyDescriptor(proto, name)?.get;
  if (get === undefined) throw new TypeError(`no ${name} getter`);
  return get;
};
const typedArray = /* @__PURE__ */ Object.getPrototypeOf(Uint8Array.prototype) as object;
const typedArrayTag = /* @__PURE__ */ getter(typedArray, Symbol.toStringTag as unknown as string);
const view = {
  typed: [
    getter(typedArray, "buffer"),
    getter(typedArray, "byteOffset"),
    getter(typedArray, "byteLength"),
  ],
  data: [
    getter(DataView.prototype, "buffer"),
    getter(DataView.prototype, "byteOffset"),
    getter(DataView.prototype, "byteLength"),
  ],
} as const;
const typedArrayLength = /* @__PURE__ */ getter(typedArray, "length");
const arrayBufferLength = /* @__PURE__ */ getter(ArrayBuffer.prototype, "byteLength");
const sharedBufferLength =
  typeof SharedArrayBuffer === "function"
    ? /* @__PURE__ */ getter(SharedArrayBuffer.prototype, "byteLength")
    : undefined;

/** A buffer or view as bytes, read through the built-in getters a subclass cannot fake. */
interface Contents {
  readonly bytes: Uint8Array;
  /** How many leading own keys are elements: the indices of a typed array. */
  readonly elements: number;
  /** The elements when they can hold a number of 13 digits or more. */
  readonly numbers?: Float32Array | Float64Array | BigInt64Array | BigUint64Array;
}

const wideElements = {
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
} as const;

function contentsOf(item: object, tag: string): Contents | undefined {
  if (ArrayBuffer.isView(item)) {
    const kind = typedArrayTag.call(item) as string | undefined;
    const [buffer, offset, length] = kind === undefined ? view.data : view.typed;
    const byteLength = length.call(item) as number;
    // A detached buffer reads as empty; constructing a view on it would throw.
    const bytes =
      byteLength === 0
        ? new Uint8Array(0)
        : new Uint8Array(buffer.call(item), offset.call(item), byteLength);
    if (kind === undefined) return { bytes, elements: 0 };
    const Wide = wideElements[kind as keyof typeof wideElements];
    const elements = typedArrayLength.call(item) as number;
    if (Wide === undefined) return { bytes, elements };
    return { bytes, elements, numbers: new Wide(bytes.buffer, bytes.byteOffset, elements) };
  }
  if (tag === "[object ArrayBuffer]") {
    // The getter throws, answering true, for an object only tagged as a buffer.
    if (arrayBufferLength.call(item) === 0) return { bytes: new Uint8Array(0), elements: 0 };
    return { bytes: new Uint8Array(item as ArrayBuffer), elements: 0 };
  }
  if (tag === "[object SharedArrayBuffer]" && sharedBufferLength !== undefined) {
    if (sharedBufferLength.call(item) === 0) return { bytes: new Uint8Array(0), elements: 0 };
    return { bytes: new Uint8Array(item as SharedArrayBuffer), elements: 0 };
  }
  return undefined;
}

/** The primitive inside a String, Number or BigInt object, as text. */
function boxedText(item: object, tag: string): string | undefined {
  if (tag === "[object String]") return stringValue.call(item);
  if (tag === "[object Number]") return String(numberValue.call(item));
  if (tag === "[object BigInt]") return String(bigintValue.call(item));
  return undefined;
}

/**
 * Whether `scan` finds something anywhere inside `value`: strings, numbers, object keys, array
 * items, `Map`/`Set` entries, boxed primitives, the bytes of buffers and views, and the own
 * properties of any object. Cycles are visited once. A value that cannot be read (a throwing
 * getter, a revoked Proxy) answers `true`: nothing proves it free of what is looked for.
 */
export function someReachable(value: unknown, scan: ReachableScan): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  try {
    while (stack.length > 0) {
      const item = stack.pop();
      if (typeof item === "string") {
        if (scan.text(item)) return true;
      } else if (typeof item === "number" || typeof item === "bigint") {
        if (scan.text(String(item))) return true;
      } else if (item !== null && typeof item === "object") {
        if (seen.has(item)) continue;
        seen.add(item);
        const tag = objectTag.call(item);
        const contents = contentsOf(item, tag);
        if (contents !== undefined) {
          if (scan.bytes(contents.bytes)) return true;
          for (const n of contents.numbers ?? []) if (scan.text(String(n))) return true;
        }
        const boxed = boxedText(item, tag);
        if (boxed !== undefined && scan.text(boxed)) return true;
        if (item instanceof Map) {
          for (const [k, v] of item) {
            if (typeof k === "string" && scan.key(k)) return true;
            stack.push(k, v);
          }
        } else if (item instanceof Set) {
          for (const v of item) stack.push(v);
        }
        // INVARIANT: own keys list integer indices first, so a view's elements or a String's
        // characters (scanned above) are the first keys.
        const elements =
          contents?.elements ?? (tag === "[object String]" ? (boxed ?? "").length : 0);
        if (elements > MAX_INDEXED_KEYS) continue;
        const keys = Reflect.ownKeys(item);
        for (let i = elements; i < keys.length; i++) {
          const key = keys[i] as PropertyKey;
          if (typeof key === "string") {
            if (scan.key(key)) return true;
            stack.push(key);
          }
          stack.push((item as Record<PropertyKey, unknown>)[key]);
        }
      }
    }
    return false;
  } catch {
    return true;
  }
}
