export type { NotReadByRoute, PurposeScope } from "./PurposeScope";
export {
  type PolicyRoutes,
  type PolicyRoutesOptions,
  type PurposeRouteOptions,
  policyRoutes,
  type ReadsArgument,
  type RouteDecisionEvent,
} from "./policyRoutes";
export type { RefusalBody, RefusalReason } from "./refusal";
