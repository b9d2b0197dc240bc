import type { PolicyDeclaration } from "../declaration";
import { timeOf } from "./dates";
import { ACCESSOR, INHERITED, notOwnProblem, ownField, ownValue, readsPlainly } from "./ownValue";

// Taken once: a caller cannot swap the check that tells an own field.
const hasOwn = Object.hasOwn;

export type Question = "use" | "share";

/** A context field as the engine reads it: its name, the values it accepts and its default. */
export interface FieldSpec {
  readonly name: string;
  readonly kind: "flag" | "choice";
  readonly values: readonly (string | boolean)[];
  readonly default: string | boolean;
  /** The digits this field takes in a table's cell number: its values, and one for "not given". */
  readonly slots: number;
  /** The digit of a field the context does not give. */
  readonly unstated: number;
  /** The values `true` and `false` stand for, for a choice field that used to be a flag. */
  readonly flagValues?: { readonly true: string; readonly false: string };
}

/** The values a field accepts as given by a caller: its values, and `true`/`false` where they stand for one. */
export function acceptedValues(spec: FieldSpec): readonly (string | boolean)[] {
  return spec.flagValues ? [...spec.values, true, false] : spec.values;
}

/** The digit `jurisdiction` takes when the context does not give it: never a silent default. */
export const unstatedJurisdiction = (spec: FieldSpec) =>
  spec.name === "jurisdiction" && spec.unstated === spec.values.length;

/** The fields a question reads, `jurisdiction` included, in declaration order. */
export function fieldSpecs(policy: PolicyDeclaration, question: Question): readonly FieldSpec[] {
  const specs: FieldSpec[] = [];
  for (const [name, field] of Object.entries(policy.contextFields)) {
    if (!field.appliesTo.includes(question)) continue;
    specs.push(
      field.kind === "flag"
        ? { name, kind: "flag", values: [false, true], default: false, slots: 2, unstated: 0 }
        : {
            name,
            kind: "choice",
            values: field.values,
            default: field.default,
            slots: field.values.length,
            unstated: field.values.indexOf(field.default),
            ...(field.flagValues && { flagValues: field.flagValues }),
          },
    );
  }
  // A pair that depends on the jurisdiction has a cell for "not given", which refuses the input.
  specs.push({
    name: "jurisdiction",
    kind: "choice",
    values: policy.jurisdictions,
    default: policy.jurisdictions[0],
    slots: policy.jurisdictions.length + 1,
    unstated: policy.jurisdictions.length,
  });
  return specs;
}

/**
 * Reads the cell of a pair's table a context selects, or a problem with it. `strides[i]` is the
 * place value of `specs[i]` in the pair's table, 0 for a field the pair does not read.
 */
export type ContextReader = (context: unknown, strides: readonly number[]) => number | string;

/**
 * A reader of untrusted contexts for one question. Each field is read once, as an own data
 * property ({@link ownValue}), and the cell is computed from that one read, so a getter or a
 * Proxy cannot answer differently later. Every field is read and checked, whichever the pair
 * needs; a field not given as an own data property is named before a value out of range.
 * Nothing is allocated unless the context is refused.
 */
export function contextReader(specs: readonly FieldSpec[]): ContextReader {
  const names = specs.map((s) => s.name);
  const values = specs.map((s) => s.values);
  const defaults = specs.map((s) => s.unstated);
  const flagIndices = specs.map((s) =>
    s.flagValues
      ? { true: s.values.indexOf(s.flagValues.true), false: s.values.indexOf(s.flagValues.false) }
      : undefined,
  );
  const count = specs.length;
  const cellOf = (context: object, strides: readonly number[]): number | string => {
    const plain = readsPlainly(context);
    let cell = 0;
    let wrong = -1;
    let wrongValue: unknown;
    for (let i = 0; i < count; i++) {
      const name = names[i] as string;
      // A field not given takes its default without a call: most contexts give few fields.
      // One `in` settles an absent field, which most are: cheaper than `Object.hasOwn` first.
      let value: unknown;
      if (!plain) value = ownValue(context, name, false);
      else if (!(name in context)) {
        cell += (defaults[i] as number) * (strides[i] as number);
        continue;
      } else value = hasOwn(context, name) ? ownField(context, name) : INHERITED;
      if (value === INHERITED || value === ACCESSOR) return notOwnProblem("context", name, value);
      if (wrong >= 0) continue;
      const flags = flagIndices[i];
      const index =
        value === undefined
          ? (defaults[i] as number)
          : flags && typeof value === "boolean"
            ? flags[value ? "true" : "false"]
            : (values[i] as readonly unknown[]).indexOf(value);
      if (index < 0 && value !== undefined) {
        wrong = i;
        wrongValue = value;
      } else cell += index * (strides[i] as number);
    }
    if (wrong < 0) return cell;
    const allowed = acceptedValues(specs[wrong] as FieldSpec)
      .map((v) => JSON.stringify(v))
      .join(" | ");
    return `context field "${names[wrong]}" must be ${allowed}, got ${describe(wrongValue)}`;
  };
  return (context, strides) => {
    try {
      if (context === null || typeof context !== "object" || Array.isArray(context)) {
        return `the context must be an object, got ${context === null ? "null" : Array.isArray(context) ? "an array" : typeof context}`;
      }
      return cellOf(context, strides);
    } catch {
      // A context whose properties throw when read (a Proxy) is bad input, not a crash.
      return "the context could not be read";
    }
  };
}

/** A short, safe description of an untrusted value for an error message (never calls its methods). */
export function describe(value: unknown): string {
  try {
    return describeValue(value);
  } catch {
    // A Proxy can throw even from `Array.isArray` or `instanceof`.
    return "an unreadable value";
  }
}

function describeValue(value: unknown): string {
  if (typeof value === "string") {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  }
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "an array";
  if (timeOf(value) !== undefined) return "a Date";
  if (value instanceof Date) return "an invalid Date";
  if (typeof value === "object") return "an object";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return `a ${typeof value}`;
}
