import type { ShareDecision, UseDecision } from "../../src";

/** The guards as an untyped caller sees them: any argument at all. */
export interface LooseGuards {
  canUse(purpose: unknown, category: unknown, context?: unknown): UseDecision;
  canShare(category: unknown, recipient: unknown, context?: unknown): ShareDecision;
  assertCanUse(purpose: unknown, category: unknown, context?: unknown): UseDecision;
  assertCanShare(category: unknown, recipient: unknown, context?: unknown): ShareDecision;
  bind(purpose: unknown, category: unknown, value: unknown, context?: unknown): unknown;
  isBoundTo(message: unknown, purpose: unknown, category: unknown): boolean;
}

const revoked = () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};
const throwing = () =>
  new Proxy(
    {},
    {
      get() {
        throw new Error("trap");
      },
      has() {
        throw new Error("trap");
      },
      getOwnPropertyDescriptor() {
        throw new Error("trap");
      },
      ownKeys() {
        throw new Error("trap");
      },
      getPrototypeOf() {
        throw new Error("trap");
      },
    },
  );

/** Ids no policy declares, including names that exist on every object's prototype. */
export const hostileIds: [string, unknown][] = [
  ["an undeclared id", "marketing"],
  ["the empty string", ""],
  ['"__proto__"', "__proto__"],
  ['"constructor"', "constructor"],
  ['"toString"', "toString"],
  ['"hasOwnProperty"', "hasOwnProperty"],
  ["a declared id in another case", "EMAIL"],
  ["a number", 42],
  ["NaN", Number.NaN],
  ["a boolean", true],
  ["null", null],
  ["undefined", undefined],
  ["a symbol", Symbol("email")],
  ["a bigint", 1n],
  ["a function", () => "email"],
  ["an array", ["email"]],
  ["an object", { id: "email" }],
  ["a String object", new String("email")],
  ["an object whose toString returns a declared id", { toString: () => "email" }],
  ["a Proxy whose traps throw", throwing()],
  ["a revoked Proxy", revoked()],
];

/**
 * Contexts a guard must refuse as `invalid-input`, for a question whose flag field is `flag`
 * and whose choice field is `choice` (with values in lower case).
 */
export function hostileContexts(flag: string, choice?: string): [string, unknown][] {
  const cases: [string, unknown][] = [
    ["null", null],
    ["a string", flag],
    ["a number", 1],
    ["true", true],
    ["an array", [true]],
    ["a function", () => ({ [flag]: true })],
    ["a flag given as a string", { [flag]: "true" }],
    ["a flag given as 1", { [flag]: 1 }],
    ["a flag given as null", { [flag]: null }],
    ["a flag given as an object", { [flag]: {} }],
    ["an undeclared jurisdiction", { jurisdiction: "mars" }],
    ["a jurisdiction given as an array", { jurisdiction: ["us"] }],
    [
      "a getter that throws",
      {
        get [flag]() {
          throw new Error("getter");
        },
      },
    ],
    ["a Proxy whose traps throw", throwing()],
    ["a revoked Proxy", revoked()],
  ];
  if (choice) {
    cases.push(["a choice outside its values", { [choice]: "fax" }]);
    cases.push(["a choice in another case", { [choice]: "Phone" }]);
  }
  return cases;
}
