import { z } from "zod";

// INVARIANT: this schema accepts exactly the shapes of `PolicyDeclaration` (declaration.ts, which
// cannot be inferred from it: zod is an optional peer the main entry must not need); the type
// test declarationSchema.test-d.ts proves the two equal both ways. References between parts,
// and rules across fields (a prohibition's `use` or `share`, a condition's `equals` or `oneOf`),
// are checked afterwards by `findReferenceIssues`, so all problems are reported together.

const sectionPattern = /^§\d+(\([a-z]\))?$/;

const id = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, "ids are kebab-case: lower-case letters, digits, dashes");
const section = z.string().regex(sectionPattern, 'a section looks like "§4" or "§2(a)"');
const citation = {
  section,
  text: z.string().min(1, "quote the sentence this declaration encodes"),
};
const idList = z.array(z.string());

// A non-empty list typed as the declaration types it, `[T, ...T[]]`. `min(1)` refuses `[]` at
// the list's own path; a rest tuple would report a missing element 0 instead. The cast claims
// only what `min(1)` checks.
const nonEmpty = <T extends z.ZodType>(item: T, message: string) =>
  z.array(item).min(1, message) as unknown as z.ZodType<
    [z.output<T>, ...z.output<T>[]],
    [z.input<T>, ...z.input<T>[]]
  >;

// Retention is counted in whole UTC calendar days, so hours, minutes and seconds are refused.
export const durationSchema = z.strictObject({
  years: z.number().int().nonnegative().optional(),
  months: z.number().int().nonnegative().optional(),
  weeks: z.number().int().nonnegative().optional(),
  days: z.number().int().nonnegative().optional(),
});

const obligationReference = z.union([
  z.string(),
  z.strictObject({ id: z.string(), unless: idList.optional() }),
]);

const ruleTerms = {
  section: section.optional(),
  text: z.string().min(1).optional(),
  when: idList.optional(),
  unless: idList.optional(),
  obligations: z.array(obligationReference).optional(),
};

const lawName = z.string().min(1, "cite the law that decides in this jurisdiction");

const jurisdictionRule = z.strictObject({
  ...ruleTerms,
  basis: z.string().optional(),
  law: lawName,
});

// A variant, alternatives (the first whose conditions hold decides), or a denial.
const jurisdictionVariant = z.union([
  jurisdictionRule,
  z.array(jurisdictionRule).min(1, "list at least one alternative"),
  z.strictObject({
    section: section.optional(),
    text: z.string().min(1).optional(),
    denied: z.literal(true),
    law: lawName,
  }),
]);

const jurisdictionVariants = z.record(z.string(), jurisdictionVariant);

const rule = z.strictObject({ ...ruleTerms, jurisdictions: jurisdictionVariants.optional() });

// GDPR Art. 6(3): a legal obligation is laid down by the law of some jurisdictions, not all.
const law = z.strictObject({
  name: z.string().min(1, "name the law with its citation"),
  binds: z.tuple([z.string()], z.string()),
});

const appliesTo = z.array(z.enum(["use", "share"])).min(1);

const contextField = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("flag"), appliesTo, description: z.string().min(1) }),
  z.strictObject({
    kind: z.literal("choice"),
    appliesTo,
    values: nonEmpty(id, "list at least one value"),
    default: z.string(),
    description: z.string().min(1),
    flagValues: z.strictObject({ true: z.string(), false: z.string() }).optional(),
  }),
]);

const prohibition = z.strictObject({
  ...citation,
  when: idList.optional(),
  use: z.strictObject({ purposes: idList.optional(), categories: idList.optional() }).optional(),
  share: z
    .strictObject({ categories: idList.optional(), recipients: idList.optional() })
    .optional(),
});

const retentionRule = z.strictObject({
  ...citation,
  anchor: z.enum(["collection", "relationship-end"]),
  period: durationSchema,
  minimum: durationSchema.optional(),
  maximum: durationSchema.optional(),
  basis: z.string(),
  keptForLegalClaims: z.boolean().optional(),
  law: z.string().min(1),
});

const recordOf = <T extends z.ZodType>(value: T) => z.record(id, value);

const commitment = z.strictObject({ ...citation, items: z.array(z.string().min(1)).min(1) });

const commitments = z.strictObject({
  controller: z
    .strictObject({
      ...citation,
      name: z.string().min(1),
      address: z.array(z.string().min(1)).min(1),
    })
    .optional(),
  security: commitment.optional(),
  transfers: commitment.optional(),
  minimumAge: z
    .strictObject({
      ...citation,
      years: z.number().int().positive(),
      law: z.string().min(1).optional(),
    })
    .optional(),
  roles: z.strictObject(citation).optional(),
  changes: z.strictObject(citation).optional(),
});

/**
 * The zod schema of a policy declaration: what `definePolicy` checks before it follows
 * references, and what an exported policy file holds.
 */
export const policyDeclarationSchema = z.strictObject({
  id,
  version: z.iso.date("the version is the policy's Last Updated date, YYYY-MM-DD"),
  title: z.string().min(1),
  jurisdictions: z.tuple([id], id),
  scopes: z.strictObject({
    use: z.strictObject(citation),
    share: z.strictObject(citation),
    retention: z.strictObject(citation),
  }),
  bases: recordOf(
    z.strictObject({
      ...citation,
      gdpr: z.string().optional(),
      requiresLaw: z.boolean().optional(),
    }),
  ),
  categories: recordOf(
    z.strictObject({
      ...citation,
      subjects: z.array(z.string()).optional(),
      role: z.enum(["controller", "processor"]).optional(),
    }),
  ),
  contextFields: z.record(
    z.string().regex(/^[a-z][A-Za-z0-9]*$/, "fields are camelCase"),
    contextField,
  ),
  conditions: recordOf(
    z.strictObject({
      ...citation,
      field: z.string(),
      equals: z.union([z.string(), z.boolean()]).optional(),
      oneOf: z.tuple([z.string()], z.string()).optional(),
    }),
  ),
  obligations: recordOf(z.strictObject(citation)),
  purposes: recordOf(
    z.strictObject({
      ...citation,
      basis: z.string(),
      law: law.optional(),
      jurisdictions: jurisdictionVariants.optional(),
      uses: z.record(z.string(), rule),
    }),
  ),
  recipients: recordOf(
    z.strictObject({
      ...citation,
      basis: z.string(),
      law: law.optional(),
      jurisdictions: jurisdictionVariants.optional(),
      receives: z.record(z.string(), rule),
    }),
  ),
  prohibitions: recordOf(prohibition),
  retention: z.record(z.string(), z.record(z.string(), retentionRule)),
  rights: recordOf(z.strictObject({ ...citation, gdpr: z.string().optional() })),
  commitments: commitments.optional(),
});

/** A declaration as the schema parses it: plain ids, before references are checked. */
export type ParsedDeclaration = z.infer<typeof policyDeclarationSchema>;
