import { describe, expectTypeOf, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { Bound, createGuards } from "../src";

const { bind, isBoundTo } = createGuards(examplePolicy);

declare function fileTaxes(orders: Bound<"tax-filing", "order", string[]>): void;

describe("bind types", () => {
  it("brands the value with its purpose and category", () => {
    const orders = bind("tax-filing", "order", ["o-1"]);
    expectTypeOf(orders).toEqualTypeOf<Bound<"tax-filing", "order", string[]>>();
    expectTypeOf(orders).not.toExtend<string[]>();
    fileTaxes(orders);
  });

  it("does not let data bound to one purpose reach a function of another", () => {
    const orders = bind("fulfilment", "order", ["o-1"]);
    // @ts-expect-error: orders bound for fulfilment may not be used for tax filing
    fileTaxes(orders);
    // @ts-expect-error: unbound data is not bound to any purpose
    fileTaxes(["o-1"]);
    // @ts-expect-error: nor is data bound to the same purpose for another category
    fileTaxes(bind("tax-filing", "email", ["a@example.com"]));
  });

  it("is read only by naming the purpose it is bound to", () => {
    const orders = bind("tax-filing", "order", ["o-1"]);
    expectTypeOf(Bound.read("tax-filing", orders)).toEqualTypeOf<string[]>();
    // @ts-expect-error: bound to tax filing, not fulfilment
    Bound.read("fulfilment", orders);
  });

  it("refuses a literal pair the policy forbids", () => {
    // @ts-expect-error: no-card-for-tax forbids tax filing to use card numbers (§2(b))
    bind("tax-filing", "card", "4111");
    // @ts-expect-error: the newsletter purpose declares no use of card numbers
    bind("newsletter", "card", "4111");
  });

  it("narrows a checked message to the bound form", () => {
    const message: unknown = JSON.parse("{}");
    if (isBoundTo(message, "tax-filing", "order")) {
      expectTypeOf(message.purpose).toEqualTypeOf<"tax-filing">();
      expectTypeOf(message.data).toEqualTypeOf<Bound<"tax-filing", "order", unknown>>();
    }
  });
});
