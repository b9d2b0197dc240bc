// OpenTelemetry for decision events (`@trunkiq/policy-core/otel`); `@opentelemetry/api` is an
// optional peer dependency, loaded only by this entry.
import { type Attributes, trace } from "@opentelemetry/api";
import type { AuditSink, ScopedDecisionEvent } from "./audit";

/** The span attributes of one decision: ids and outcome, never a value of the context. */
export function decisionAttributes(event: ScopedDecisionEvent): Attributes {
  const attributes: Attributes = {
    "trunkiq.policy.id": event.policy.id,
    "trunkiq.policy.version": event.policy.version,
    "trunkiq.policy.decision.kind": event.kind,
    "trunkiq.policy.decision.allowed": event.allowed,
    "trunkiq.policy.decision.reason_codes": [...event.reasonCodes],
    "trunkiq.policy.decision.obligations": [...event.obligations],
  };
  if (event.purpose !== null) attributes["trunkiq.policy.decision.purpose"] = event.purpose;
  if (event.category !== null) attributes["trunkiq.policy.decision.category"] = event.category;
  if (event.recipient !== null) attributes["trunkiq.policy.decision.recipient"] = event.recipient;
  if (typeof event.right === "string") attributes["trunkiq.policy.decision.right"] = event.right;
  if (event.scope?.requestId) attributes["trunkiq.request.id"] = event.scope.requestId;
  if (event.scope?.actor) attributes["trunkiq.request.actor"] = event.scope.actor;
  if (event.scope?.subject) attributes["trunkiq.request.subject"] = event.scope.subject;
  return attributes;
}

/**
 * A sink putting each decision on the active span: its attributes describe the span's latest
 * decision, and one `trunkiq.policy.decision` span event per decision keeps them all. Without
 * an active span it does nothing.
 *
 * @category Audit
 * @example
 * const onDecision = auditTrail(pinoAuditSink(logger), otelAuditSink());
 */
export function otelAuditSink(): AuditSink {
  return (event) => {
    const span = trace.getActiveSpan();
    if (span === undefined) return;
    const attributes = decisionAttributes(event);
    span.setAttributes(attributes);
    span.addEvent("trunkiq.policy.decision", attributes);
  };
}
