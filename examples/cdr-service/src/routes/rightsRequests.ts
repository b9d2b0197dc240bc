import { executeRequestPlan } from "@trunkiq/policy-kysely";
import type { FastifyInstance } from "fastify";
import { dataMap } from "../dataMap";
import { replyInvalid, requestPart } from "../invalidInput";
import { declaredJurisdiction } from "../jurisdiction";
import { rightsRequestSchema } from "../requestSchemas";
import { setRequestSubject } from "../requestScope";
import type { Service } from "../service";

const body = requestPart("body", rightsRequestSchema);

/**
 * `POST /rights-requests`: a data subject request (§9), planned by the rights guards under the
 * law of the customer's jurisdiction, carried out through the data map in one transaction, and
 * answered with the receipt: the deadline, what was done with each category and why, and what
 * is left to a person (`unmapped`, the obligations). The receipt is kept in `rights_requests`
 * without the exported data.
 */
export function rightsRequestRoutes(app: FastifyInstance, service: Service) {
  const { db, guards, now } = service;
  app.post("/rights-requests", { preValidation: body.check }, async (request, reply) => {
    const { customerId, right, receivedAt } = body.of(request);
    setRequestSubject(customerId);
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
    const executed = await executeRequestPlan(db, dataMap, plan, { subject: customerId, now: at });
    const receipt = {
      customer: customerId,
      right: plan.right,
      jurisdiction: plan.jurisdiction,
      receivedAt: plan.receivedAt,
      deadline: plan.deadline,
      extendedDeadline: plan.extendedDeadline,
      actions: plan.actions.map((a) => ({
        category: a.category,
        action: a.action,
        ...(a.until === undefined ? {} : { until: a.until }),
        reasons: a.reasons.map((r) => ({ code: r.code, message: r.message, section: r.section })),
        obligations: a.obligations.map((o) => ({
          id: o.id,
          message: o.message,
          section: o.section,
        })),
      })),
      changed: executed.changed,
      unmapped: executed.unmapped,
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
}
