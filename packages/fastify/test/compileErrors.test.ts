import { describeCompileRefusals } from "../../../test-support/compileDiagnostics";

describeCompileRefusals(new URL("./compileErrors/mistakes.ts", import.meta.url));
