export { defineDatabaseMap } from "./defineDatabaseMap";
export {
  type PurgeCount,
  type PurgeCutoff,
  type PurgeOptions,
  type PurgeReport,
  type PurgeStep,
  purgeExpired,
  type UnresolvedRows,
} from "./purgeExpired";
export {
  type PurposeGrants,
  type PurposeGrantsOptions,
  type PurposeRole,
  purposeGrantsSql,
  type RoleTableGrant,
} from "./purposeGrantsSql";
export {
  type ColumnArgument,
  type ColumnNotMapped,
  type PurposeScope,
  type PurposeScopeOptions,
  type PurposeScopes,
  type PurposeView,
  purposeScopes,
  type UsableColumn,
} from "./purposeScopes";
export {
  type ExecutedPlan,
  executeRequestPlan,
  type PlanInput,
  type PlannedRead,
  type PlannedWrite,
  type PlanQueries,
  type PlanQueryOptions,
  type PlanStep,
  type ReceiptEntry,
  type RequestActionHandlers,
  type RequestReceipt,
  requestPlanQueries,
  type UnmappedAction,
} from "./requestPlanQueries";
export { ScopedQueryError } from "./ScopedQueryError";
export { verifyDataMap } from "./verifyDataMap";
