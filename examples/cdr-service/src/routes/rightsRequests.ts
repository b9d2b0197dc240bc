import { executeRequestPlan } from "@trunkiq/policy-kysely";
import type { FastifyInstance } from "fastify";
import { dataMap } from "../dataMap";
import { replyInvalid, requestPart } from "../invalidInput";
import { declaredJurisdiction } from "../jurisdiction";
import { rightsRequestSchema } from "../requestSchemas";
import { inAuditScope, type Service } from "../service";

const body = requestPart("body", rightsRequestSchema);

/**
 * `POST /rights-requests`: a data subject request (§9), planned by the rights guards under the
 * law of the customer's jurisdiction, carried out through the data map in one transaction, and
 * answered with the receipt `executeRequestPlan` returns (per category what was done, until
 * when, the rows touched and the sections cited), with the plan's deadline and what is left to a
 * person (`unmapped`, the obligations). The receipt is kept in `rights_requests`
 * without the exported data.
 */
export function rightsRequestRoutes(app: FastifyInstance, service: Service) {
  const { db, guards, now } = service;
  app.post("/rights-requests", { preValidation: body.check }, (request, reply) => {
    const { customerId, right, receivedAt } = body.of(request);
    // The request is about the customer its body names: its decisions are recorded so.
    return inAuditScope(request, customerId, async () => {
      const customer = await db
        .selectFrom("customers")
        .select(["jurisdiction", "closed_at", "legal_hold"])
        .where("id", "=", customerId)
        .executeTakeFirst();
      if (customer === undefined) {
        return replyInvalid(reply, [
          { field: "customerId", message: "is not a customer of this service", section: "" },
        ]);
      }
      const jurisdiction = declaredJurisdiction(customer.jurisdiction);
      if (jurisdiction === undefined) {
        return replyInvalid(reply, [
          {
            field: "customerId",
            message: "the customer's jurisdiction is not one the policy declares",
            section: "§9",
          },
        ]);
      }
      const at = now();
      const plan = guards.planRequest({
        right,
        jurisdiction,
        receivedAt: receivedAt ?? at,
        now: at,
        relationshipEndedAt: customer.closed_at ?? undefined,
        // Only `false` is no hold: an unknown one keeps the data, as the purge reads it.
        legalHold: customer.legal_hold !== false,
      });
      if (!plan.valid) {
        return replyInvalid(
          reply,
          plan.reasons.map((r) => ({ field: "right", message: r.message, section: r.section })),
        );
      }
      const executed = await executeRequestPlan(db, dataMap, plan, {
        subject: customerId,
        now: at,
      });
      // What was done per category comes from the execution; the plan adds the deadlines, what is
      // left to a person (the obligations) and the policy version. Ids and dates only.
      const receipt = {
        customer: customerId,
        ...executed.receipt,
        receivedAt: plan.receivedAt,
        deadline: plan.deadline,
        extendedDeadline: plan.extendedDeadline,
        obligations: plan.actions.flatMap((a) =>
          a.obligations.map((o) => ({
            category: a.category,
            id: o.id,
            message: o.message,
            section: o.section,
          })),
        ),
        policy: plan.policy,
      };
      const { id } = await db
        .insertInto("rights_requests")
        .values({
          customer_id: customerId,
          requested_right: plan.right,
          jurisdiction: plan.jurisdiction,
          received_at: plan.receivedAt,
          deadline: plan.deadline,
          receipt: JSON.stringify(receipt),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return reply.code(201).send({ id, ...receipt, exported: executed.exported });
    });
  });
}
