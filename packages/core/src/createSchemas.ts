import { z } from "zod";
import type { PolicyDeclaration } from "./declaration";
import { acceptedValues, describe, fieldSpecs, type Question } from "./internal/context";
import type { RetentionContext } from "./retention";
import type { ContextOf } from "./types/Context";
import type {
  BasisOf,
  CategoryOf,
  JurisdictionOf,
  PurposeOf,
  RecipientOf,
  RightOf,
} from "./types/Ids";

/** A zod enum of exactly the ids `T`. */
export type IdSchema<T extends string> = z.ZodEnum<{ [K in T]: K }>;

/** The schemas {@link createSchemas} derives from a policy. */
export interface PolicySchemas<D extends PolicyDeclaration> {
  readonly purposeSchema: IdSchema<PurposeOf<D>>;
  readonly categorySchema: IdSchema<CategoryOf<D>>;
  readonly recipientSchema: IdSchema<RecipientOf<D>>;
  readonly basisSchema: IdSchema<BasisOf<D>>;
  readonly rightSchema: IdSchema<RightOf<D>>;
  readonly jurisdictionSchema: IdSchema<JurisdictionOf<D>>;
  /** A strict object of the context fields `canUse` reads, `jurisdiction` included. */
  readonly useContextSchema: z.ZodType<ContextOf<D, "use">>;
  /** A strict object of the context fields `canShare` reads, `jurisdiction` included. */
  readonly shareContextSchema: z.ZodType<ContextOf<D, "share">>;
  /** The context `retentionFor` takes. */
  readonly retentionContextSchema: z.ZodType<RetentionContext<JurisdictionOf<D>>>;
}

const list = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(" | ");

function idSchema<T extends string>(ids: readonly string[], what: string): IdSchema<T> {
  return z.enum(ids as readonly T[] as T[], {
    error: (issue) =>
      `unknown ${what} ${describe(issue.input)}; expected ${ids.length ? `one of ${list(ids)}` : "none: the policy declares none"}`,
  }) as unknown as IdSchema<T>;
}

function contextSchema(policy: PolicyDeclaration, question: Question) {
  const specs = fieldSpecs(policy, question);
  const shape: Record<string, z.ZodType> = {};
  for (const spec of specs) {
    const error = (issue: { input?: unknown }) =>
      `context field "${spec.name}" must be ${list(acceptedValues(spec))}, got ${describe(issue.input)}`;
    const choice = z.enum(spec.values as [string, ...string[]], { error });
    shape[spec.name] = (
      spec.kind === "flag"
        ? z.boolean({ error })
        : spec.flagValues
          ? z.union([choice, z.boolean()], { error })
          : choice
    ).optional();
  }
  const names = specs.map((s) => s.name).join(", ");
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown context field(s) ${issue.keys.map((k) => `"${k}"`).join(", ")} for ${question}; declared: ${names}`
        : `the context must be an object, got ${describe(issue.input)}`,
  });
}

/**
 * Derives zod schemas from a policy, for validating requests at the edge of a service: the
 * declared ids as enums and the contexts as strict objects. Errors name the bad value or field
 * and list what the policy allows; the inferred types are the policy's literal unions.
 *
 * @category Validating
 * @example
 * const { purposeSchema, useContextSchema } = createSchemas(policy);
 * const purpose = purposeSchema.parse(req.query.purpose); // "billing" | "marketing" | …
 * const context = useContextSchema.parse(req.body.context); // { consent?: boolean; … }
 * canUse(purpose, "account", context);
 */
export function createSchemas<const D extends PolicyDeclaration>(policy: D): PolicySchemas<D> {
  const jurisdictionSchema = idSchema<JurisdictionOf<D>>(policy.jurisdictions, "jurisdiction");
  const date = (name: string) =>
    z.date({ error: (issue) => `${name} must be a valid Date, got ${describe(issue.input)}` });
  return Object.freeze({
    purposeSchema: idSchema<PurposeOf<D>>(Object.keys(policy.purposes), "purpose"),
    categorySchema: idSchema<CategoryOf<D>>(Object.keys(policy.categories), "data category"),
    recipientSchema: idSchema<RecipientOf<D>>(Object.keys(policy.recipients), "recipient"),
    basisSchema: idSchema<BasisOf<D>>(Object.keys(policy.bases), "lawful basis"),
    rightSchema: idSchema<RightOf<D>>(Object.keys(policy.rights), "right"),
    jurisdictionSchema,
    useContextSchema: contextSchema(policy, "use") as unknown as z.ZodType<ContextOf<D, "use">>,
    shareContextSchema: contextSchema(policy, "share") as unknown as z.ZodType<
      ContextOf<D, "share">
    >,
    retentionContextSchema: z.strictObject({
      collectedAt: date("collectedAt"),
      relationshipEndedAt: date("relationshipEndedAt").optional(),
      lastContactAt: date("lastContactAt").optional(),
      jurisdiction: jurisdictionSchema.optional(),
      legalHold: z.boolean({ error: "legalHold must be true or false" }).optional(),
      now: date("now").optional(),
    }) as unknown as z.ZodType<RetentionContext<JurisdictionOf<D>>>,
  });
}
