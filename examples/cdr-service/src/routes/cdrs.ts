import type { FastifyInstance } from "fastify";
import { replyInvalid, requestPart } from "../invalidInput";
import { cdrBatchSchema } from "../requestSchemas";
import type { Service } from "../service";

const body = requestPart("body", cdrBatchSchema);

/**
 * `POST /cdrs`: stores a batch of call detail records, whole or not at all. Each record takes
 * its customer's jurisdiction, which decides its retention.
 */
export function cdrRoutes(app: FastifyInstance, service: Service) {
  const { db } = service;
  app.route(
    service.routes().route({
      method: "POST",
      url: "/cdrs",
      purpose: "call-routing",
      reads: ["call-detail-record"],
      preValidation: body.check,
      handler: async (request, reply) => {
        const { cdrs } = body.of(request);
        const result = await db.transaction().execute(async (tx) => {
          const ids = [...new Set(cdrs.map((c) => c.customerId))];
          const customers = new Map(
            (
              await tx
                .selectFrom("customers")
                .select(["id", "jurisdiction"])
                .where("id", "in", ids)
                .execute()
            ).map((c) => [c.id, c.jurisdiction]),
          );
          const unknown = cdrs.findIndex((c) => !customers.has(c.customerId));
          if (unknown >= 0) return { unknown };
          await tx
            .insertInto("call_detail_records")
            .values(
              cdrs.map((c) => ({
                customer_id: c.customerId,
                caller: c.caller,
                callee: c.callee,
                started_at: c.startedAt,
                duration_seconds: c.durationSeconds,
                route: c.route,
                jurisdiction: customers.get(c.customerId) ?? null,
              })),
            )
            .execute();
          return { stored: cdrs.length };
        });
        if ("unknown" in result) {
          return replyInvalid(reply, [
            {
              field: `cdrs.${result.unknown}.customerId`,
              message: "is not a customer of this service",
              section: "",
            },
          ]);
        }
        return reply.code(201).send(result);
      },
    }),
  );
}
