export { type CliIo, type CliStream, processIo } from "./CliIo";
export { buildRopa, type Ropa } from "./commands/ropa";
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
export { createProgram, type MainOptions, main } from "./main";
export {
  type PolicyKit,
  policyKit,
  type RecordDetails,
} from "./PolicyKit";
