import { AsyncLocalStorage } from "node:async_hooks";

/** Who is asking and about whom, for the audit records of the decisions a request causes. */
export interface RequestScope {
  readonly requestId: string;
  readonly actor: string | null;
  readonly method: string;
  readonly route: string | null;
  /** An opaque customer id, set by a handler once it knows whose data the request is about. */
  subject: string | null;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` with `scope` as the current request's scope. */
export function withRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** The current request's scope; `undefined` outside a request (a command-line job). */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

/** Records whose data the current request is about. */
export function setRequestSubject(subject: string): void {
  const scope = storage.getStore();
  if (scope !== undefined) scope.subject = subject;
}
