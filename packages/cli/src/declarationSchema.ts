import { policyDeclarationSchema } from "@trunkiq/policy-core/schemas";
import { z } from "zod";

// An exported file wraps the declaration, whose shape is core's own schema; references
// between its parts are checked by `definePolicy` when the file is loaded.

/** The format tag of an exported policy file. */
export const EXPORT_FORMAT = "trunkiq-policy/1";

/** Where the JSON Schema of {@link EXPORT_FORMAT} is published. */
export const EXPORT_SCHEMA_ID = "https://trunkiq.com/schemas/trunkiq-policy-1.schema.json";

/** The exported file: a versioned envelope around the declaration. */
export const PolicyExportSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(EXPORT_FORMAT),
  policy: policyDeclarationSchema,
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
