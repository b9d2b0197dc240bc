import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import pino, { type Logger } from "pino";
import { type AuditTrail, auditTrail } from "./audit";
import { callRoutes } from "./routes/calls";
import { cdrRoutes } from "./routes/cdrs";
import { consentRoutes } from "./routes/consents";
import { customerRoutes } from "./routes/customers";
import { disclosureRoutes } from "./routes/disclosures";
import { marketingRoutes } from "./routes/marketing";
import { purgeRoutes } from "./routes/purge";
import { rightsRequestRoutes } from "./routes/rightsRequests";
import { usageRoutes } from "./routes/usage";
import type { Database } from "./schema";
import { createService, type Mailer } from "./service";

/** What {@link buildApp} takes. */
export interface AppOptions {
  readonly db: Kysely<Database>;
  /** pino logger; a silent one by default. */
  readonly logger?: Logger;
  /** The service's clock, for consent, retention and receipts; the system clock by default. */
  readonly now?: () => Date;
  /** Where marketing messages go; by default they are logged by customer id. */
  readonly mailer?: Mailer;
}

/** The service and its audit trail (`audit.flush()` waits for the records being written). */
export interface App {
  readonly app: FastifyInstance;
  readonly audit: AuditTrail;
}

/**
 * The CDR service's Fastify instance, with every route registered.
 *
 * @example
 * const { app } = buildApp({ db, logger: pino() });
 * await app.listen({ port: 3000 });
 */
export function buildApp(options: AppOptions): App {
  const logger = options.logger ?? pino({ level: "silent" });
  const now = options.now ?? (() => new Date());
  const mailer: Mailer = options.mailer ?? {
    send: async ({ customerId, campaign }) => {
      logger.info({ customerId, campaign }, "marketing message queued");
    },
  };
  const audit = auditTrail(options.db, logger, now);
  const service = createService({ db: options.db, logger, now, mailer, audit });
  // pino is Fastify's own logger; its type only names more of it.
  const app: FastifyInstance = Fastify({ loggerInstance: logger as FastifyBaseLogger });
  for (const routes of [
    customerRoutes,
    cdrRoutes,
    callRoutes,
    usageRoutes,
    marketingRoutes,
    consentRoutes,
    disclosureRoutes,
    rightsRequestRoutes,
    purgeRoutes,
  ]) {
    routes(app, service);
  }
  return { app, audit };
}
