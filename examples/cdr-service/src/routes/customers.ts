import type { FastifyInstance } from "fastify";
import { replyInvalid, requestPart } from "../invalidInput";
import { newCustomerSchema } from "../requestSchemas";
import type { Service } from "../service";

const body = requestPart("body", newCustomerSchema);

/** `POST /customers`: opens a customer's account (§3, account management). */
export function customerRoutes(app: FastifyInstance, service: Service) {
  const { db, now } = service;
  app.route(
    service.routes().route({
      method: "POST",
      url: "/customers",
      purpose: "account-management",
      reads: ["account"],
      preValidation: body.check,
      handler: async (request, reply) => {
        const c = body.of(request);
        const created = await db
          .insertInto("customers")
          .values({
            id: c.id,
            company: c.company,
            email: c.email ?? null,
            phone: c.phone ?? null,
            jurisdiction: c.jurisdiction,
            created_at: now(),
          })
          .onConflict((oc) => oc.column("id").doNothing())
          .returning("id")
          .executeTakeFirst();
        if (created === undefined) {
          return replyInvalid(reply, [{ field: "id", message: "is taken", section: "" }]);
        }
        return reply.code(201).send({ id: c.id });
      },
    }),
  );
}
