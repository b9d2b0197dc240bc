import type { FastifyInstance } from "fastify";
import { requestPart } from "../invalidInput";
import { customerParamsSchema } from "../requestSchemas";
import type { Service } from "../service";

const params = requestPart("params", customerParamsSchema);

/** `GET /customers/:id/calls`: a customer's calls, for support (§3, §7 troubleshooting). */
export function callRoutes(app: FastifyInstance, service: Service) {
  app.route(
    service.routes().route({
      method: "GET",
      url: "/customers/:id/calls",
      purpose: "customer-support",
      reads: ["call-detail-record"],
      preValidation: params.check,
      handler: async (request, _reply, scope) => {
        const { id } = params.of(request);
        const calls = await service.scopes
          .forPurpose(scope.purpose)
          .selectFrom("call_detail_records", [
            "id",
            "caller",
            "callee",
            "started_at",
            "duration_seconds",
            "route",
          ])
          .where("customer_id", "=", id)
          // Newest first: what support asks about is usually the latest call.
          .orderBy("started_at", "desc")
          .execute();
        return { customer: id, calls };
      },
    }),
  );
}
