import type { Bound } from "@trunkiq/policy-core";
import { createTrunkiqGuards } from "@trunkiq/privacy-policy";
import { describe, expectTypeOf, it } from "vitest";
import { policyRoutes } from "../src";

const routes = policyRoutes(createTrunkiqGuards());

describe("purpose routes at compile time", () => {
  it("refuses a category the purpose may never use", () => {
    routes.route({
      method: "GET",
      url: "/m",
      purpose: "marketing",
      // @ts-expect-error marketing may never use kyc-document (§3)
      reads: ["kyc-document"],
      handler: () => null,
    });
  });

  it("gives the handler a scope of the route's purpose and categories only", () => {
    routes.route({
      method: "GET",
      url: "/s",
      purpose: "customer-support",
      reads: ["call-detail-record", "account"],
      handler: (_request, _reply, scope) => {
        expectTypeOf(scope.purpose).toEqualTypeOf<"customer-support">();
        const rows = scope.bind("call-detail-record", [1, 2]);
        expectTypeOf(rows).toEqualTypeOf<
          Bound<"customer-support", "call-detail-record", number[]>
        >();
        // @ts-expect-error the route does not read support communications
        scope.bind("support-communication", []);
        // @ts-expect-error no decision was made for a category the route does not read
        scope.decisions["ip-address"];
        // Data bound for this route cannot pass where another purpose is expected.
        const forMarketing = (_data: Bound<"marketing", "call-detail-record", number[]>) => {};
        // @ts-expect-error bound to customer-support, not marketing
        forMarketing(rows);
      },
    });
  });

  it("refuses facts the purpose does not read", () => {
    routes.route({
      method: "GET",
      url: "/f",
      purpose: "account-management",
      reads: ["account"],
      // @ts-expect-error account management reads no legalProcess
      facts: { legalProcess: true },
      handler: () => null,
    });
  });
});
