import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import type { RetentionContext } from "../src";
import { createSchemas } from "../src/schemas";

const schemas = createSchemas(examplePolicy);

describe("createSchemas types", () => {
  it("infers the literal unions of the declared ids", () => {
    expectTypeOf<z.infer<typeof schemas.purposeSchema>>().toEqualTypeOf<
      "fulfilment" | "newsletter" | "tax-filing"
    >();
    expectTypeOf<z.infer<typeof schemas.categorySchema>>().toEqualTypeOf<
      "email" | "order" | "card"
    >();
    expectTypeOf<z.infer<typeof schemas.recipientSchema>>().toEqualTypeOf<
      "courier" | "police" | "ad-network"
    >();
    expectTypeOf<z.infer<typeof schemas.jurisdictionSchema>>().toEqualTypeOf<"us" | "eea">();
    expectTypeOf<z.infer<typeof schemas.rightSchema>>().toEqualTypeOf<"access">();
  });

  it("infers the contexts the guards take", () => {
    type UseContext = z.infer<typeof schemas.useContextSchema>;
    expectTypeOf<UseContext["channel"]>().toEqualTypeOf<"web" | "phone" | undefined>();
    expectTypeOf<UseContext["jurisdiction"]>().toEqualTypeOf<"us" | "eea" | undefined>();
    // @ts-expect-error: subpoena is a field of sharing, not of use
    expectTypeOf<UseContext["subpoena"]>();
    expectTypeOf<z.infer<typeof schemas.retentionContextSchema>>().toEqualTypeOf<
      RetentionContext<"us" | "eea">
    >();
  });
});
