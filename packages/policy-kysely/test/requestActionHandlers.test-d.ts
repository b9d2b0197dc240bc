import { describe, it } from "vitest";
import type { RequestActionHandlers } from "../src";

describe("§9 every action of a request plan has a handler", () => {
  it("does not compile a handler map that leaves an action out", () => {
    const complete: RequestActionHandlers<string> = {
      export: () => "exported",
      delete: () => "deleted",
      restrict: (step) => `restricted until ${String(step.until)}`,
      keep: (step) => `kept until ${String(step.until)}`,
      rectify: () => "rectified",
      stop: () => "stopped",
      refer: () => "referred",
      none: () => "nothing held",
    };
    // @ts-expect-error: refer is not handled
    const missing: RequestActionHandlers<string> = {
      export: () => "exported",
      delete: () => "deleted",
      restrict: () => "restricted",
      keep: () => "kept",
      rectify: () => "rectified",
      stop: () => "stopped",
      none: () => "nothing held",
    };
    void [complete, missing];
  });
});
