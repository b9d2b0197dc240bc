import fc from "fast-check";

const NAMES_ON_EVERY_OBJECT = [
  "__proto__",
  "constructor",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "prototype",
  "",
] as const;

/** Values that look like ids to careless code: near misses of declared ids and non-strings. */
export function hostileIdArb(declared: ReadonlySet<string>): fc.Arbitrary<unknown> {
  const ids = [...declared];
  const nearMiss =
    ids.length === 0
      ? fc.constant("unknown-id")
      : fc
          .record({
            id: fc.constantFrom(...ids),
            how: fc.constantFrom<(id: string) => string>(
              (id) => id.toUpperCase(),
              (id) => ` ${id}`,
              (id) => `${id}\u0000`,
              (id) => `${id}s`,
              (id) => id.replaceAll("-", "_"),
              (id) => id.normalize("NFD").replace(/^./, (c) => `${c}\u0301`),
            ),
          })
          .map(({ id, how }) => how(id));
  const nonString = fc.oneof(
    fc.anything(),
    fc.constantFrom<unknown>(
      undefined,
      null,
      Number.NaN,
      0,
      -0,
      1n,
      true,
      Symbol("id"),
      () => "id",
      new Date(Number.NaN),
      [],
    ),
    ids.length === 0
      ? fc.constant<unknown>({})
      : fc
          .constantFrom(...ids)
          .chain((id) =>
            fc.constantFrom<unknown>([id], new String(id), { toString: () => id }, { id }),
          ),
  );
  const veryLong = fc.integer({ min: 1_000, max: 100_000 }).map((n) => "a".repeat(n));
  return fc
    .oneof(
      fc.string(),
      fc.string({ unit: "grapheme" }),
      fc.constantFrom<string>(...NAMES_ON_EVERY_OBJECT),
      veryLong,
      nearMiss,
      nonString,
    )
    .filter((v) => !(typeof v === "string" && declared.has(v)));
}

/** Contexts a guard must refuse without throwing: wrong shapes, wrong values, throwing getters. */
export function hostileContextArb(fields: readonly string[]): fc.Arbitrary<unknown> {
  const names = fields.length === 0 ? ["jurisdiction"] : fields;
  const throwing = fc.constantFrom(...names).map((name) => {
    const context = {
      [fc.toStringMethod]: () => `{ get ${name}() { throw } }`,
    };
    Object.defineProperty(context, name, {
      enumerable: true,
      get() {
        throw new Error(`reading ${name}`);
      },
    });
    return context as unknown;
  });
  const wrongValue = fc
    .record({
      name: fc.constantFrom(...names),
      value: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.object()),
    })
    .map(({ name, value }) => ({ [name]: value }) as unknown);
  return fc.oneof(
    fc.constantFrom<unknown>(null, 0, "consent", true, [], Number.NaN),
    fc.anything(),
    wrongValue,
    throwing,
  );
}
