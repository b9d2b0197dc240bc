import { bench, describe } from "vitest";
import { createGuards } from "../packages/core/src";
import { examplePolicy } from "../test-support/fixtures/examplePolicy";
import { referenceDecide } from "../test-support/referenceEvaluator";

// One table per group, so vitest prints the ratio between the compiled guards and a plain
// evaluator that walks the declaration on every call.
const { canUse, canShare } = createGuards(examplePolicy);
const useContext = { consent: true, channel: "phone" } as const;
const shareContext = { subpoena: true, gagged: true } as const;

describe("canUse", () => {
  bench("compiled, no context", () => {
    canUse("newsletter", "order");
  });
  bench("compiled, with context", () => {
    canUse("newsletter", "order", useContext);
  });
  bench("reference evaluator, with context", () => {
    referenceDecide(examplePolicy, "use", "newsletter", "order", useContext);
  });
});

describe("canShare", () => {
  bench("compiled, no context", () => {
    canShare("email", "police");
  });
  bench("compiled, with context", () => {
    canShare("email", "police", shareContext);
  });
  bench("reference evaluator, with context", () => {
    referenceDecide(examplePolicy, "share", "email", "police", shareContext);
  });
});
