import { packageBuild } from "../../tsup.config.base";

// The schemas have their own entry, so the main one loads no zod.
export default packageBuild({ entry: ["src/index.ts", "src/schemas.ts"], splitting: true });
