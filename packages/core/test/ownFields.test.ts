import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ownElements, ownFields } from "../src/engine";

const names = ["from", "to", "sale", "legalHold", "now"] as const;
const record = fc.record(
  { from: fc.anything(), to: fc.anything(), sale: fc.anything(), legalHold: fc.anything() },
  { requiredKeys: [] },
);

describe("ownFields", () => {
  it("snapshots own data fields into a null-prototype record, absent ones as undefined", () => {
    fc.assert(
      fc.property(record, (value) => {
        const read = ownFields(value, names);
        expect(read.problem).toBeUndefined();
        expect(Object.getPrototypeOf(read.fields)).toBeNull();
        for (const name of names)
          expect(read.fields?.[name]).toBe(value[name as keyof typeof value]);
      }),
    );
  });

  it("names a field given through a getter, a setter, a class or a prototype", () => {
    fc.assert(
      fc.property(record, fc.constantFrom(...names), fc.anything(), (value, name, given) => {
        class Input {
          get [name]() {
            return given;
          }
        }
        const plain = Object.fromEntries(Object.entries(value).filter(([k]) => k !== name));
        const inputs = [
          Object.defineProperty({ ...plain }, name, { get: () => given, enumerable: true }),
          Object.defineProperty({ ...plain }, name, { set: () => {}, enumerable: true }),
          Object.assign(new Input(), plain),
          Object.assign(Object.create({ [name]: given }), plain),
        ];
        for (const input of inputs) {
          expect(ownFields(input, names, "route").problem).toMatch(
            new RegExp(
              `^route field "${name}" is (given through a getter|inherited from a prototype)`,
            ),
          );
        }
      }),
    );
  });

  it("answers a Proxy whose traps throw with a problem instead of throwing", () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const trap = new Proxy(
      {},
      {
        getOwnPropertyDescriptor() {
          throw new Error("trap");
        },
      },
    );
    for (const value of [proxy, trap]) {
      expect(ownFields(value, names, "request")).toEqual({
        problem: "the request could not be read",
      });
    }
  });
});

describe("ownElements", () => {
  it("snapshots a dense array's elements", () => {
    fc.assert(
      fc.property(fc.array(fc.anything()), (items) => {
        expect(ownElements(items, "list")).toEqual({ elements: items });
      }),
    );
  });

  it("names a hole or a getter instead of reading Array.prototype or running the getter", () => {
    fc.assert(
      fc.property(fc.array(fc.anything(), { minLength: 1 }), fc.nat(), (items, n) => {
        const at = n % items.length;
        const holey = [...items];
        Reflect.deleteProperty(holey, at);
        expect(ownElements(holey, "list").problem).toBe(`list[${at}] is missing (a hole)`);
        const getter = Object.defineProperty([...items], at, { get: () => 1, enumerable: true });
        expect(ownElements(getter, "list").problem).toBe(`list[${at}] is given through a getter`);
      }),
    );
  });
});
