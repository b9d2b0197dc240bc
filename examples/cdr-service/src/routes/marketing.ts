import type { FastifyInstance } from "fastify";
import { requestPart } from "../invalidInput";
import { marketingSendSchema } from "../requestSchemas";
import type { Service } from "../service";

const body = requestPart("body", marketingSendSchema);

/**
 * `POST /marketing/sends`: a campaign to the customers whose consent to marketing holds now.
 * The recipients are read through the marketing scope, which keeps in SQL only subjects whose
 * consent ledger shows a grant not withdrawn since (GDPR Art. 7(3)); the gate asks about those
 * subjects, hence its fact `consent`. Naming customers narrows the list, never widens it.
 */
export function marketingRoutes(app: FastifyInstance, service: Service) {
  app.route(
    service.routes().route({
      method: "POST",
      url: "/marketing/sends",
      purpose: "marketing",
      reads: ["account"],
      facts: { consent: true },
      preValidation: body.check,
      handler: async (request, reply, scope) => {
        const { campaign, customers } = body.of(request);
        let query = service.scopes
          .forPurpose(scope.purpose)
          .selectFrom("customers", ["id", "email"])
          .where("email", "is not", null);
        if (customers !== undefined) query = query.where("id", "in", customers);
        const recipients = await query.orderBy("id").execute();
        for (const r of recipients) {
          // INVARIANT: the query keeps rows whose email is set.
          await service.mailer.send({ customerId: r.id, email: r.email as string, campaign });
        }
        return reply.code(202).send({
          campaign,
          sent: recipients.length,
          recipients: recipients.map((r) => r.id),
          obligations: scope.decisions.account.obligations.map((o) => o.id),
        });
      },
    }),
  );
}
