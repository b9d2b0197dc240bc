import {
  type AttributeValue,
  type Context,
  type ContextManager,
  context,
  ROOT_CONTEXT,
  type Span,
  trace,
} from "@opentelemetry/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { createGuards } from "../src";
import { auditTrail, runInAuditScope } from "../src/audit";
import { otelAuditSink } from "../src/otel";

// A synchronous context manager, enough to make a span active for a call.
class StackContextManager implements ContextManager {
  private stack: Context[] = [];
  active(): Context {
    return this.stack.at(-1) ?? ROOT_CONTEXT;
  }
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    ctx: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    this.stack.push(ctx);
    try {
      return fn.call(thisArg, ...args);
    } finally {
      this.stack.pop();
    }
  }
  bind<T>(_ctx: Context, target: T): T {
    return target;
  }
  enable(): this {
    return this;
  }
  disable(): this {
    this.stack = [];
    return this;
  }
}

/** A span that records what is set on it. */
function recordingSpan() {
  const attributes: Record<string, AttributeValue | undefined> = {};
  const events: { name: string; attributes: Record<string, unknown> }[] = [];
  const span = trace.wrapSpanContext({
    traceId: "1".repeat(32),
    spanId: "2".repeat(16),
    traceFlags: 1,
  });
  const recording: Span = Object.assign(Object.create(span), {
    setAttributes(values: Record<string, AttributeValue | undefined>) {
      Object.assign(attributes, values);
      return recording;
    },
    addEvent(name: string, values: Record<string, unknown>) {
      events.push({ name, attributes: values });
      return recording;
    },
  });
  return { span: recording, attributes, events };
}

beforeAll(() => {
  context.setGlobalContextManager(new StackContextManager());
});
afterAll(() => {
  context.disable();
});

describe("otelAuditSink", () => {
  const guards = createGuards(examplePolicy, { onDecision: auditTrail(otelAuditSink()) });

  it("sets the decision's attributes on the active span and adds one event per decision", () => {
    const { span, attributes, events } = recordingSpan();
    context.with(trace.setSpan(context.active(), span), () =>
      runInAuditScope({ requestId: "req-3", actor: "svc-1", subject: "s-9" }, () => {
        guards.canUse("fulfilment", "email");
        guards.canShare("email", "police");
      }),
    );
    expect(events.map((e) => e.name)).toEqual([
      "trunkiq.policy.decision",
      "trunkiq.policy.decision",
    ]);
    expect(events[0]?.attributes).toMatchObject({
      "trunkiq.policy.decision.kind": "use",
      "trunkiq.policy.decision.allowed": true,
      "trunkiq.policy.decision.purpose": "fulfilment",
    });
    // The span's own attributes describe its latest decision.
    expect(attributes).toMatchObject({
      "trunkiq.policy.id": "example-shop-privacy",
      "trunkiq.policy.version": "2024-01-31",
      "trunkiq.policy.decision.kind": "share",
      "trunkiq.policy.decision.allowed": false,
      "trunkiq.policy.decision.category": "email",
      "trunkiq.policy.decision.recipient": "police",
      "trunkiq.policy.decision.reason_codes": ["condition-unmet"],
      "trunkiq.request.id": "req-3",
      "trunkiq.request.actor": "svc-1",
      "trunkiq.request.subject": "s-9",
    });
  });

  it("does nothing without an active span, and the decision stands", () => {
    expect(guards.canUse("fulfilment", "email").allowed).toBe(true);
  });
});
