import { packageBuild } from "../../tsup.config.base";

// The entries share one copy of each module (splitting, for CJS too), so an error class thrown
// through `/engine` or `/schemas` is the one `instanceof` checks against from the main entry.
// Only `/schemas` loads zod; only `/audit` loads node:async_hooks; only `/otel` the OTel API.
export default packageBuild({
  entry: [
    "src/index.ts",
    "src/engine.ts",
    "src/schemas.ts",
    "src/types.ts",
    "src/audit.ts",
    "src/otel.ts",
  ],
  splitting: true,
});
