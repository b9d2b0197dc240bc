import { policy } from "@trunkiq/privacy-policy";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";

/** The body of a 400: the field that is wrong first, and one reason per problem. */
export interface InvalidInputBody {
  readonly error: "invalid-input";
  readonly field: string;
  readonly reasons: readonly {
    readonly code: "invalid-input";
    readonly field: string;
    readonly message: string;
    readonly section: string;
  }[];
  readonly policy: { readonly id: string; readonly version: string };
}

/** One problem with a request, naming the field (`cdrs.2.caller`), never echoing its value. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
  /** The policy section the rule comes from; `""` for a rule of the API's own shape. */
  readonly section: string;
}

/** Answers 400 with the problems of a request, the first one named in `field`. */
export function replyInvalid(reply: FastifyReply, problems: readonly FieldProblem[]) {
  const body: InvalidInputBody = {
    error: "invalid-input",
    field: problems[0]?.field ?? "",
    reasons: problems.map((p) => ({
      code: "invalid-input",
      field: p.field,
      message: `${p.field}: ${p.message}`,
      section: p.section,
    })),
    policy: { id: policy.id, version: policy.version },
  };
  return reply.code(400).send(body);
}

/** The problems of a failed zod parse; a rule that cites the policy carries `params.section`. */
export function problemsOf(error: z.ZodError, part: "body" | "query" | "params"): FieldProblem[] {
  return error.issues.map((issue) => {
    const path = [...issue.path.map(String)];
    if (issue.code === "unrecognized_keys") path.push(...issue.keys.slice(0, 1));
    const section =
      issue.code === "custom" && typeof issue.params?.section === "string"
        ? issue.params.section
        : "";
    // zod's messages name what was expected, never the value received.
    const message =
      issue.code === "unrecognized_keys" ? "is not a field of this request" : issue.message;
    return { field: path.length > 0 ? path.join(".") : part, message, section };
  });
}

/**
 * A part of a request checked with zod before anything else runs (a `preValidation` hook):
 * a request that does not parse is answered 400 naming the field, and `of(request)` gives the
 * parsed value to the hooks and handler after it.
 *
 * @example
 * const body = requestPart("body", cdrBatchSchema);
 * app.post("/cdrs", { preValidation: body.check }, (request) => body.of(request).cdrs.length);
 */
export function requestPart<S extends z.ZodType>(part: "body" | "query" | "params", schema: S) {
  const parsed = new WeakMap<FastifyRequest, z.output<S>>();
  return {
    check: async (request: FastifyRequest, reply: FastifyReply) => {
      const result = await schema.safeParseAsync(request[part]);
      if (!result.success) return replyInvalid(reply, problemsOf(result.error, part));
      parsed.set(request, result.data);
    },
    of: (request: FastifyRequest): z.output<S> => {
      // INVARIANT: `check` ran first and answered every request it did not parse.
      if (!parsed.has(request)) throw new Error(`the request's ${part} was not checked`);
      return parsed.get(request) as z.output<S>;
    },
  };
}
