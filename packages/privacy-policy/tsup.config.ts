import { packageBuild } from "../../tsup.config.base";

// The schemas have their own entry, so the guards load no zod; both share one policy object.
export default packageBuild({ entry: ["src/index.ts", "src/schemas.ts"], splitting: true });
