import { Bound, Cleared } from "@trunkiq/policy-core";
import { createTrunkiqGuards, type Purpose } from "@trunkiq/privacy-policy";
import { describe, expectTypeOf, it } from "vitest";
import { type PurposeScope, policyRoutes } from "../src";

// Each leak of a purpose binding that plain branded types allowed, shown not to compile.
const guards = createTrunkiqGuards();
const routes = policyRoutes(guards);

interface Cdr {
  readonly caller: string;
  readonly seconds: number;
}
interface KycDocument {
  readonly caller: string;
  readonly seconds: number;
}
declare const cdrs: Cdr[];
declare function answerCustomer(
  calls: Bound<"customer-support", "call-detail-record", Cdr[]>,
): void;
declare function checkIdentity(
  documents: Bound<"kyc-verification", "kyc-document", KycDocument[]>,
): void;
declare function plainTotal(calls: Cdr[]): number;

describe("a purpose is held, not written", () => {
  it("gives a marketing route no way to bind or read data for customer support", () => {
    routes.route({
      method: "POST",
      url: "/marketing/sends",
      purpose: "marketing",
      reads: ["account"],
      facts: { consent: true },
      handler: (_request, _reply, scope) => {
        const accounts = scope.bind("account", [{ email: "a@example.com" }]);
        expectTypeOf(accounts).toEqualTypeOf<Bound<"marketing", "account", { email: string }[]>>();
        // @ts-expect-error the scope binds for its route's purpose only: there is no purpose to name
        scope.bind("customer-support", cdrs);
        // @ts-expect-error marketing's route does not read call detail records
        scope.bind("call-detail-record", cdrs);
        const support = guards.bind("customer-support", "call-detail-record", cdrs);
        // @ts-expect-error data bound to customer support cannot be read where marketing is held
        scope.read(support);
        // @ts-expect-error nor can marketing's data reach customer support
        answerCustomer(accounts);
      },
    });
  });

  it("lets a route read what it bound, for its own purpose", () => {
    routes.route({
      method: "GET",
      url: "/customers/:id/calls",
      purpose: "customer-support",
      reads: ["call-detail-record"],
      handler: (_request, _reply, scope) => {
        const calls = scope.bind("call-detail-record", cdrs);
        answerCustomer(calls);
        expectTypeOf(scope.read(calls)).toEqualTypeOf<Cdr[]>();
      },
    });
  });
});

describe("bound data stays bound", () => {
  const calls = guards.bind("customer-support", "call-detail-record", cdrs);

  it("does not pass where the plain value is expected", () => {
    // @ts-expect-error Bound<…, Cdr[]> is not a Cdr[]
    plainTotal(calls);
    plainTotal(Bound.read("customer-support", calls));
    // @ts-expect-error the purpose named where the data is read must be the one it is bound to
    Bound.read("marketing", calls);
  });

  it("keeps the binding through map, filter and transform, and spreading yields nothing", () => {
    // @ts-expect-error bound data has no array methods that would drop the binding
    calls.map((cdr) => cdr.seconds);
    // @ts-expect-error nor can it be filtered into a plain array
    calls.filter((cdr) => cdr.seconds > 60);
    const spread = { ...calls };
    // @ts-expect-error spreading bound data gives none of its fields
    spread[0];
    expectTypeOf(Bound.map(calls, (cdr) => cdr.seconds)).toEqualTypeOf<
      Bound<"customer-support", "call-detail-record", number[]>
    >();
    answerCustomer(Bound.filter(calls, (cdr) => cdr.seconds > 60));
    answerCustomer(Bound.transform(calls, (list) => list.slice(0, 10)));
  });

  it("types a helper generic in the purpose without a cast, and keeps its category", () => {
    function longCalls<P extends Purpose>(rows: Bound<P, "call-detail-record", readonly Cdr[]>) {
      return Bound.filter(rows, (cdr) => cdr.seconds > 600);
    }
    function asKyc<P extends Purpose>(
      rows: Bound<P, "call-detail-record", readonly Cdr[]>,
    ): Bound<P, "kyc-document", KycDocument[]> {
      // @ts-expect-error call records do not become KYC documents, even with the same shape
      return longCalls(rows);
    }
    void asKyc;
    answerCustomer(longCalls(calls));
    // @ts-expect-error call records bound to support are not KYC documents for verification
    checkIdentity(longCalls(calls));
  });

  it("takes the purpose from a scope in a helper generic in the purpose", () => {
    function bindCalls<P extends Purpose>(scope: PurposeScope<P, "call-detail-record">) {
      return scope.bind("call-detail-record", cdrs);
    }
    expectTypeOf(bindCalls<"customer-support">).returns.toEqualTypeOf<
      Bound<"customer-support", "call-detail-record", Cdr[]>
    >();
  });
});

declare function upload(rows: Cleared<"website-usage", "analytics-vendor", string[]>): void;

describe("data cleared for one recipient", () => {
  const cleared = guards.clear("website-usage", "analytics-vendor", ["/pricing"], {
    jurisdiction: "us",
  });

  it("reaches the export to that recipient only", () => {
    upload(cleared);
    expectTypeOf(Cleared.read("analytics-vendor", cleared)).toEqualTypeOf<string[]>();
    // @ts-expect-error cleared for the analytics vendor, not the support vendor
    Cleared.read("support-vendor", cleared);
    // @ts-expect-error data bound to a purpose is not cleared for a recipient
    upload(guards.bind("customer-support", "account", ["/pricing"]));
    // @ts-expect-error the plain value is not cleared either
    upload(["/pricing"]);
  });

  it("refuses a literal disclosure the policy forbids", () => {
    // @ts-expect-error account data never goes to a data broker (§4)
    guards.clear("account", "data-broker", []);
  });
});
