import type { FastifyInstance } from "fastify";
import { requestPart } from "../invalidInput";
import { usageQuerySchema } from "../requestSchemas";
import type { Service } from "../service";

const query = requestPart("query", usageQuerySchema);

/**
 * Judgement: a group of fewer customers than this could single one out, so it is left out; the
 * counts are then aggregate customer information (47 U.S.C. 222(h)(2)).
 */
export const MINIMUM_CUSTOMERS_PER_GROUP = 3;

/**
 * `GET /usage?jurisdiction=us`: calls and minutes per route, for product development. Only
 * aggregates are read (the route's fact `aggregate`), and only where the jurisdiction's rules
 * let traffic data serve product development: in the EEA and the UK they do not without
 * consent (ePrivacy Art. 6(3), PECR reg. 7), so the gate answers 403 there.
 */
export function usageRoutes(app: FastifyInstance, service: Service) {
  app.route(
    service
      .routes((request) => ({
        jurisdiction: (request.query as { jurisdiction?: unknown }).jurisdiction,
      }))
      .route({
        method: "GET",
        url: "/usage",
        purpose: "product-development",
        reads: ["call-detail-record"],
        facts: { aggregate: true },
        preValidation: query.check,
        handler: async (request, _reply, scope) => {
          const { jurisdiction } = query.of(request);
          const { db } = service.scopes.forPurpose(scope.purpose, { aggregate: true });
          const groups = await db
            .selectFrom("call_detail_records")
            .select((eb) => [
              "route",
              eb.fn.count<string | number>("id").as("calls"),
              eb.fn.sum<string | number>("duration_seconds").as("seconds"),
              eb.fn.count<string | number>("customer_id").distinct().as("customers"),
            ])
            .where("jurisdiction", "=", jurisdiction)
            .groupBy("route")
            .having(
              (eb) => eb.fn.count("customer_id").distinct(),
              ">=",
              MINIMUM_CUSTOMERS_PER_GROUP,
            )
            .orderBy("route")
            .execute();
          return {
            jurisdiction,
            minimumCustomersPerGroup: MINIMUM_CUSTOMERS_PER_GROUP,
            routes: groups.map((g) => ({
              route: g.route,
              calls: Number(g.calls),
              seconds: Number(g.seconds),
              customers: Number(g.customers),
            })),
          };
        },
      }),
  );
}
