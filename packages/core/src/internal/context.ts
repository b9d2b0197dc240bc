import type { PolicyDeclaration } from "../declaration";
import { timeOf } from "./dates";
import { ownField } from "./ownField";

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

/** What is wrong with a context, or `null` when every field it states is well-formed. */
export function contextProblem(context: unknown, specs: readonly FieldSpec[]): string | null {
  if (context === undefined) return null;
  if (context === null || typeof context !== "object" || Array.isArray(context)) {
    return `the context must be an object, got ${context === null ? "null" : Array.isArray(context) ? "an array" : typeof context}`;
  }
  for (const spec of specs) {
    const value = ownField(context, spec.name);
    if (value === undefined) continue;
    if (!spec.values.includes(value as string | boolean)) {
      const allowed = spec.values.map((v) => JSON.stringify(v)).join(" | ");
      return `context field "${spec.name}" must be ${allowed}, got ${describe(value)}`;
    }
  }
  return null;
}

/** The value of a field in a context already checked by {@link contextProblem}. */
export function fieldValue(context: object | undefined, spec: FieldSpec): string | boolean {
  const value = context ? ownField(context, spec.name) : undefined;
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
