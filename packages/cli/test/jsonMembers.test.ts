import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonMembers } from "../src/internal/jsonMembers";

describe("jsonMembers", () => {
  it("finds the members JSON.parse finds, each value's source parsing to the same value", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ unit: "binary" }), fc.jsonValue()),
        fc.constantFrom(undefined, 2, "\t"),
        (object, indent) => {
          const text = JSON.stringify(object, null, indent);
          const parsed = JSON.parse(text) as Record<string, unknown>;
          const members = jsonMembers(text);
          expect(members.map((m) => m.key)).toEqual(Object.keys(parsed));
          for (const { key, source } of members) expect(JSON.parse(source)).toEqual(parsed[key]);
        },
      ),
    );
  });

  it("lists a repeated key twice, where JSON.parse keeps only the last", () => {
    const text = '{ "a" : {"b":1,"a":[2,"}"]} , "\\u0061": "x\\"}" }';
    expect(jsonMembers(text)).toEqual([
      { key: "a", source: '{"b":1,"a":[2,"}"]}' },
      { key: "a", source: '"x\\"}"' },
    ]);
  });

  it("keeps the exact text of a number too long for a double", () => {
    expect(jsonMembers('{"id":12345678901234567890.50e+3}')).toEqual([
      { key: "id", source: "12345678901234567890.50e+3" },
    ]);
  });
});
