// Mistakes the compiler must refuse, each with a message that reads as a sentence.
// Compiled by ../compileErrors.test.ts; left out of the project's own typecheck.
import { createTrunkiqGuards } from "@trunkiq/privacy-policy";
import { policyRoutes } from "../../src";

const routes = policyRoutes(createTrunkiqGuards());

// A route that reads a category its purpose may never use.
routes.route({
  method: "GET",
  url: "/campaigns",
  purpose: "marketing",
  // refused: marketing may never use kyc-document (§3)
  reads: ["account", "kyc-document"],
  handler: () => null,
});

// A handler that binds data of a category its route does not read.
routes.route({
  method: "GET",
  url: "/tickets",
  purpose: "customer-support",
  reads: ["account"],
  // refused: support-communication is not a category this route reads
  handler: (_request, _reply, scope) => scope.bind("support-communication", []),
});

// A purpose the policy does not declare.
routes.route({
  method: "GET",
  url: "/x",
  // refused: spying is not a declared purpose
  purpose: "spying",
  reads: ["account"],
  handler: () => null,
});
