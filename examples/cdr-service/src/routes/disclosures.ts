import type { Obligation } from "@trunkiq/policy-core";
import type { Jurisdiction, ShareDecision } from "@trunkiq/privacy-policy";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { replyInvalid, requestPart } from "../invalidInput";
import { declaredJurisdiction } from "../jurisdiction";
import { disclosureSchema } from "../requestSchemas";
import type { Service } from "../service";

const body = requestPart("body", disclosureSchema);

/**
 * `POST /disclosures`: answers an authority's request under a legal process (§4). The gate asks
 * whether the process reaches the customer's account and call records (`lawful-request`, in the
 * customer's jurisdiction); each category is then shared only if `canShare(…, "authority")`
 * allows, and the disclosure is recorded with what it obliges: the customer is told of it
 * (`notify-customer`) unless an order forbids it (18 U.S.C. 2705(b)).
 */
export function disclosureRoutes(app: FastifyInstance, service: Service) {
  const { db, guards, now } = service;
  const jurisdictions = new WeakMap<FastifyRequest, Jurisdiction | undefined>();

  const lookUpCustomer = async (request: FastifyRequest, reply: FastifyReply) => {
    const { customerId } = body.of(request);
    // The jurisdiction column is not personal data: read outside any purpose scope.
    const customer = await db
      .selectFrom("customers")
      .select("jurisdiction")
      .where("id", "=", customerId)
      .executeTakeFirst();
    if (customer === undefined) {
      return replyInvalid(reply, [
        { field: "customerId", message: "is not a customer of this service", section: "" },
      ]);
    }
    jurisdictions.set(request, declaredJurisdiction(customer.jurisdiction));
  };

  app.route(
    service
      .routes((request) => ({
        legalProcess: body.of(request).legalProcess,
        ...inJurisdiction(jurisdictions.get(request)),
      }))
      .route({
        method: "POST",
        url: "/disclosures",
        purpose: "lawful-request",
        reads: ["account", "call-detail-record"],
        preValidation: [body.check, lookUpCustomer],
        handler: async (request, reply, scope) => {
          const d = body.of(request);
          const jurisdiction = jurisdictions.get(request);
          // INVARIANT: the gate refuses a lawful request without the customer's jurisdiction.
          if (jurisdiction === undefined)
            throw new Error("a disclosure reached its handler without a jurisdiction");
          const shareContext = {
            legalProcess: d.legalProcess,
            disclosureProhibited: d.disclosureProhibited,
            jurisdiction,
          };
          const shares: ShareDecision[] = [
            guards.canShare("account", "authority", shareContext),
            guards.canShare("call-detail-record", "authority", shareContext),
          ];
          const refused = shares.find((s) => !s.allowed);
          if (refused !== undefined) {
            return reply.code(403).send({
              error: "denied",
              recipient: "authority",
              category: refused.category,
              reasons: refused.reasons.map((r) => ({
                code: r.code,
                message: r.message,
                section: r.section,
              })),
              policy: refused.policy,
            });
          }
          const records = service.scopes.forPurpose(scope.purpose, {
            legalProcess: d.legalProcess,
          });
          const account = await records
            .selectFrom("customers", ["id", "company", "email", "phone"])
            .where("id", "=", d.customerId)
            .executeTakeFirst();
          let calls = records
            .selectFrom("call_detail_records", [
              "caller",
              "callee",
              "started_at",
              "duration_seconds",
              "route",
            ])
            .where("customer_id", "=", d.customerId);
          if (d.from !== undefined) calls = calls.where("started_at", ">=", d.from);
          if (d.to !== undefined) calls = calls.where("started_at", "<=", d.to);
          const callDetailRecords = await calls.orderBy("started_at").execute();

          const obligations = unique(shares.flatMap((s) => s.obligations));
          const customerNotification = obligations.some((o) => o.id === "notify-customer")
            ? "due"
            : "prohibited";
          const categories = shares.map((s) => s.category);
          const { id } = await db
            .insertInto("disclosures")
            .values({
              customer_id: d.customerId,
              authority: d.authority,
              legal_process: d.legalProcess,
              reference: d.reference,
              received_at: d.receivedAt,
              disclosed_at: now(),
              categories: JSON.stringify(categories),
              obligations: JSON.stringify(
                obligations.map((o) => ({ id: o.id, section: o.section })),
              ),
              customer_notification: customerNotification,
            })
            .returning("id")
            .executeTakeFirstOrThrow();
          return reply.code(201).send({
            disclosure: {
              id,
              authority: d.authority,
              legalProcess: d.legalProcess,
              reference: d.reference,
              categories,
              obligations,
              customerNotification,
            },
            records: { account: account ?? null, callDetailRecords },
          });
        },
      }),
  );
}

function unique(obligations: readonly Obligation[]): Obligation[] {
  const seen = new Map<string, Obligation>();
  for (const o of obligations) if (!seen.has(o.id)) seen.set(o.id, o);
  return [...seen.values()];
}

const inJurisdiction = (jurisdiction: Jurisdiction | undefined) =>
  jurisdiction === undefined ? {} : { jurisdiction };
