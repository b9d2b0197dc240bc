import { packageBuild } from "../../tsup.config.base";

// Two entries share one copy of each module (splitting, for CJS too), so an error class thrown
// through `/engine` is the one `instanceof` checks against from the main entry.
export default packageBuild({
  entry: ["src/index.ts", "src/engine.ts", "src/types.ts"],
  splitting: true,
});
