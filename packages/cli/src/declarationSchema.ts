import { z } from "zod";

// The shape of a `PolicyDeclaration` as JSON. References between parts are checked by
// `definePolicy`; this schema describes what an exported file holds.

const citation = {
  section: z
    .string()
    .regex(/^§\d+(\([a-z]\))?$/)
    .describe('the policy section, e.g. "§4" or "§2(a)"'),
  text: z.string().min(1).describe("the sentence of the policy this declaration encodes"),
};
const ids = z.array(z.string());
const record = <T extends z.ZodType>(value: T) => z.record(z.string(), value);

const duration = z
  .strictObject({
    years: z.number().int().nonnegative().optional(),
    months: z.number().int().nonnegative().optional(),
    weeks: z.number().int().nonnegative().optional(),
    days: z.number().int().nonnegative().optional(),
  })
  .describe("a date-fns Duration in UTC calendar units");

const obligationReference = z.union([
  z.string(),
  z.strictObject({ id: z.string(), unless: ids.optional() }),
]);

const rule = z.strictObject({
  section: citation.section.optional(),
  text: citation.text.optional(),
  when: ids.optional(),
  unless: ids.optional(),
  obligations: z.array(obligationReference).optional(),
});

const question = z.array(z.enum(["use", "share"]));

/** A zod schema of a policy declaration as exported to JSON. */
export const PolicyDeclarationSchema = z.strictObject({
  id: z.string(),
  version: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  title: z.string(),
  jurisdictions: z.tuple([z.string()], z.string()),
  scopes: z.strictObject({
    use: z.strictObject(citation),
    share: z.strictObject(citation),
    retention: z.strictObject(citation),
  }),
  bases: record(z.strictObject({ ...citation, gdpr: z.string().optional() })),
  categories: record(z.strictObject({ ...citation, subjects: z.array(z.string()).optional() })),
  contextFields: record(
    z.discriminatedUnion("kind", [
      z.strictObject({ kind: z.literal("flag"), appliesTo: question, description: z.string() }),
      z.strictObject({
        kind: z.literal("choice"),
        appliesTo: question,
        values: z.tuple([z.string()], z.string()),
        default: z.string(),
        description: z.string(),
      }),
    ]),
  ),
  conditions: record(
    z.strictObject({
      ...citation,
      field: z.string(),
      equals: z.union([z.string(), z.boolean()]).optional(),
    }),
  ),
  obligations: record(z.strictObject(citation)),
  purposes: record(z.strictObject({ ...citation, basis: z.string(), uses: record(rule) })),
  recipients: record(z.strictObject({ ...citation, basis: z.string(), receives: record(rule) })),
  prohibitions: record(
    z.union([
      z.strictObject({
        ...citation,
        when: ids.optional(),
        use: z.strictObject({ purposes: ids.optional(), categories: ids.optional() }),
      }),
      z.strictObject({
        ...citation,
        when: ids.optional(),
        share: z.strictObject({ categories: ids.optional(), recipients: ids.optional() }),
      }),
    ]),
  ),
  retention: record(
    record(
      z.strictObject({
        ...citation,
        anchor: z.enum(["collection", "relationship-end"]),
        period: duration,
        minimum: duration.optional(),
        maximum: duration.optional(),
        basis: z.string(),
        law: z.string(),
      }),
    ),
  ),
  rights: record(z.strictObject({ ...citation, gdpr: z.string().optional() })),
});

/** The format tag of an exported policy file. */
export const EXPORT_FORMAT = "trunkiq-policy/1";

/** Where the JSON Schema of {@link EXPORT_FORMAT} is published. */
export const EXPORT_SCHEMA_ID = "https://trunkiq.com/schemas/trunkiq-policy-1.schema.json";

/** The exported file: a versioned envelope around the declaration. */
export const PolicyExportSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(EXPORT_FORMAT),
  policy: PolicyDeclarationSchema,
});

/**
 * The JSON Schema of an exported policy file, generated from {@link PolicyExportSchema}.
 *
 * @category Export
 * @example
 * JSON.stringify(exportJsonSchema(), null, 2);
 */
export function exportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(PolicyExportSchema, { target: "draft-2020-12" }),
    $id: EXPORT_SCHEMA_ID,
    title: "TrunkIQ policy export",
  };
}
