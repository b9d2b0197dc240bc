import { describe, expect, it } from "vitest";
import { ownField } from "../src/internal/ownField";

describe("ownField", () => {
  it("reads a field of a context, and nothing of a missing context", () => {
    expect(ownField({ from: "CH" }, "from")).toBe("CH");
    expect(ownField({}, "from")).toBeUndefined();
    expect(ownField(undefined, "from")).toBeUndefined();
  });

  it("reads nothing a prototype lends", () => {
    expect(ownField(Object.create({ from: "CH" }), "from")).toBeUndefined();
  });

  it("lets a throwing getter propagate to the caller", () => {
    const context = {
      get from(): string {
        throw new Error("unreadable");
      },
    };
    expect(() => ownField(context, "from")).toThrow("unreadable");
  });
});
