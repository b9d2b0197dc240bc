// Every finite point of the TrunkIQ policy, derived from its declaration, for exhaustive checks.
import { contextSpace, type ShareDecision, type UseDecision } from "@trunkiq/policy-core";
import * as trunkiq from "../../src";

export const { policy } = trunkiq;

type Context = Readonly<Record<string, string | boolean>>;

// The typed guards refuse forbidden literals at compile time; these loose views take any id.
export const canUse = trunkiq.canUse as unknown as (
  purpose: unknown,
  category: unknown,
  context?: unknown,
) => UseDecision;
export const canShare = trunkiq.canShare as unknown as (
  category: unknown,
  recipient: unknown,
  context?: unknown,
) => ShareDecision;

export const purposes = Object.keys(policy.purposes);
export const categories = Object.keys(policy.categories);
export const recipients = Object.keys(policy.recipients);
export const useContexts = contextSpace(policy, "use") as readonly Context[];
export const shareContexts = contextSpace(policy, "share") as readonly Context[];

export interface UsePoint {
  readonly purpose: string;
  readonly category: string;
  readonly context: Context;
}
export interface SharePoint {
  readonly category: string;
  readonly recipient: string;
  readonly context: Context;
}

/** Every purpose × category × use context. */
export const usePoints: readonly UsePoint[] = purposes.flatMap((purpose) =>
  categories.flatMap((category) => useContexts.map((context) => ({ purpose, category, context }))),
);

/** Every category × recipient × share context. */
export const sharePoints: readonly SharePoint[] = categories.flatMap((category) =>
  recipients.flatMap((recipient) =>
    shareContexts.map((context) => ({ category, recipient, context })),
  ),
);

export const useAt = (p: UsePoint, context: Context = p.context) =>
  canUse(p.purpose, p.category, context);
export const shareAt = (p: SharePoint, context: Context = p.context) =>
  canShare(p.category, p.recipient, context);

/** The context fields a question reads that are flags, from the declaration. */
export const flagsOf = (question: "use" | "share") =>
  Object.entries(policy.contextFields)
    .filter(([, f]) => f.kind === "flag" && (f.appliesTo as readonly string[]).includes(question))
    .map(([name]) => name);

/** Collects failures instead of stopping at the first, so one run shows every broken point. */
export function violations<P>(points: readonly P[], broken: (point: P) => string | null) {
  const found: string[] = [];
  for (const point of points) {
    const problem = broken(point);
    if (problem !== null) found.push(problem);
  }
  return found;
}

export const show = (p: UsePoint | SharePoint) =>
  "purpose" in p
    ? `canUse(${p.purpose}, ${p.category}, ${JSON.stringify(p.context)})`
    : `canShare(${p.category}, ${p.recipient}, ${JSON.stringify(p.context)})`;
