import { describe, expectTypeOf, it } from "vitest";
import type { TransferMechanism } from "../src";

describe("TransferMechanism", () => {
  it("names every safeguard the transfer table accepts or refuses", () => {
    expectTypeOf<TransferMechanism>().toEqualTypeOf<
      "scc" | "uk-idta" | "uk-addendum" | "bcr" | "dpf" | "derogation"
    >();
  });
});
