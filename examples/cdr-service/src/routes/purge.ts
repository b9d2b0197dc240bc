import { purgeExpired } from "@trunkiq/policy-kysely";
import type { FastifyInstance } from "fastify";
import { dataMap } from "../dataMap";
import { requestPart } from "../invalidInput";
import { purgeSchema } from "../requestSchemas";
import { inAuditScope, type Service } from "../service";

const body = requestPart("body", purgeSchema);

/**
 * `POST /jobs/purge` (`{ "dryRun": true }` to count only): deletes what the retention rules
 * (§7) no longer let the service keep, as of the service's clock. Meant for a scheduler or an
 * operator behind the gateway, like `pnpm --filter cdr-service purge`.
 */
export function purgeRoutes(app: FastifyInstance, service: Service) {
  app.post("/jobs/purge", { preValidation: body.check }, async (request) => {
    const { dryRun } = body.of(request);
    return inAuditScope(request, null, () =>
      purgeExpired(service.db, service.guards, dataMap, { dryRun, now: service.now() }),
    );
  });
}
