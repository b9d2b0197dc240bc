export { type CliIo, type CliStream, processIo } from "./CliIo";
export {
  type CedarExport,
  CedarExportError,
  type CedarExportOptions,
  type CedarObligation,
  type CedarSidecar,
  cedarExport,
} from "./cedar/cedarExport";
export { buildRopa, type Ropa } from "./commands/ropa";
export { createProgram } from "./createProgram";
export {
  EXPORT_FORMAT,
  EXPORT_SCHEMA_ID,
  exportJsonSchema,
  PolicyExportSchema,
} from "./declarationSchema";
export { defaultKit } from "./defaultKit";
export {
  type ChangeKind,
  type DiffOutcome,
  diffPolicies,
  type PolicyChange,
  type QuestionChange,
} from "./internal/policyDiff";
export { type MainOptions, main } from "./main";
export {
  type PolicyKit,
  policyKit,
  type RecordDetails,
} from "./PolicyKit";
