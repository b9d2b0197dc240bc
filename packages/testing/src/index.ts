export { assertNeverAllows } from "./assertNeverAllows";
export {
  createArbitraries,
  type PolicyArbitraries,
  type RetentionQuestion,
  type ShareQuestion,
  type UseQuestion,
} from "./createArbitraries";
export { DecisionAssertionError } from "./DecisionAssertionError";
export { expectAllowed } from "./expectAllowed";
export { expectDenied } from "./expectDenied";
export { formatDecision } from "./formatDecision";
