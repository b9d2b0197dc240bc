import type { PolicyDeclaration } from "../declaration";
import { ownFields } from "../ownFields";
import { timeOf } from "./dates";

export type Question = "use" | "share";

/** A context field as the engine reads it: its name, the values it accepts and its default. */
export interface FieldSpec {
  readonly name: string;
  readonly kind: "flag" | "choice";
  readonly values: readonly (string | boolean)[];
  readonly default: string | boolean;
}

/** The fields a question reads, `jurisdiction` included, in declaration order. */
export function fieldSpecs(policy: PolicyDeclaration, question: Question): readonly FieldSpec[] {
  const specs: FieldSpec[] = [];
  for (const [name, field] of Object.entries(policy.contextFields)) {
    if (!field.appliesTo.includes(question)) continue;
    specs.push(
      field.kind === "flag"
        ? { name, kind: "flag", values: [false, true], default: false }
        : { name, kind: "choice", values: field.values, default: field.default },
    );
  }
  specs.push({
    name: "jurisdiction",
    kind: "choice",
    values: policy.jurisdictions,
    default: policy.jurisdictions[0],
  });
  return specs;
}

/** A context's fields, read once, as the engine decides from them. */
export type ContextFields = { readonly [name: string]: unknown };

/**
 * Reads and checks the fields a question reads from an untrusted context, once: the decision is
 * made from the returned snapshot, so a getter cannot answer differently on a second read.
 */
export function readContext(
  context: unknown,
  specs: readonly FieldSpec[],
): { readonly fields: ContextFields; readonly problem?: undefined } | { readonly problem: string } {
  if (context === undefined) return { fields: Object.create(null) };
  if (context === null || typeof context !== "object" || Array.isArray(context)) {
    return {
      problem: `the context must be an object, got ${context === null ? "null" : Array.isArray(context) ? "an array" : typeof context}`,
    };
  }
  const read = ownFields(
    context,
    specs.map((s) => s.name),
  );
  if (read.problem !== undefined) return { problem: read.problem };
  for (const spec of specs) {
    const value = read.fields[spec.name];
    if (value === undefined) continue;
    if (!spec.values.includes(value as string | boolean)) {
      const allowed = spec.values.map((v) => JSON.stringify(v)).join(" | ");
      return { problem: `context field "${spec.name}" must be ${allowed}, got ${describe(value)}` };
    }
  }
  return { fields: read.fields };
}

/** The value of a field in a context snapshot already checked by {@link readContext}. */
export function fieldValue(fields: ContextFields | undefined, spec: FieldSpec): string | boolean {
  const value = fields?.[spec.name];
  return value === undefined ? spec.default : (value as string | boolean);
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
