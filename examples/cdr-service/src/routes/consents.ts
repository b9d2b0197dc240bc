import type { FastifyInstance } from "fastify";
import { requestPart } from "../invalidInput";
import { consentEventSchema, consentParamsSchema } from "../requestSchemas";
import type { Service } from "../service";

const params = requestPart("params", consentParamsSchema);

/**
 * `PUT /customers/:id/consents/:purpose` grants, `DELETE` withdraws: each appends one event to
 * the consent ledger (GDPR Art. 7(1): the controller can show consent), never edits one.
 */
export function consentRoutes(app: FastifyInstance, service: Service) {
  const { db, now } = service;
  for (const [method, type] of [
    ["PUT", "granted"],
    ["DELETE", "withdrawn"],
  ] as const) {
    app.route(
      service.routes().route({
        method,
        url: "/customers/:id/consents/:purpose",
        purpose: "account-management",
        reads: ["account"],
        preValidation: params.check,
        handler: async (request, reply, scope) => {
          const { id, purpose } = params.of(request);
          const customer = await service.scopes
            .forPurpose(scope.purpose)
            .selectFrom("customers", ["id"])
            .where("id", "=", id)
            .executeTakeFirst();
          if (customer === undefined) {
            return reply.code(404).send({ error: "not-found", field: "id" });
          }
          const event = consentEventSchema.parse({ subject: id, purpose, type, at: now() });
          await db
            .insertInto("consent_events")
            .values({
              subject: event.subject,
              purpose: event.purpose,
              event: event.type,
              at: event.at,
            })
            .execute();
          return reply.code(201).send(event);
        },
      }),
    );
  }
}
