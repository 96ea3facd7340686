import { api, type Handlers } from '../common/api';
import { ClaimscopeError, type ApiResult } from '../common/errors';
import type { MethodName } from '../common/methods';
import { describeStorageError, isBusy } from '../db/connection';

export type Dispatch = (method: unknown, input: unknown) => Promise<ApiResult<unknown>>;

function isMethod(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(api, name);
}

/** One line from zod's issues: where and what. */
function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/**
 * The one router both transports use: refuses unknown methods, validates every input against its
 * schema before the handler runs and every output after, and turns errors into one-line results.
 */
export function createRouter(
  handlers: Handlers,
  log: (msg: string) => void = (m) => console.error(m),
  context: { databasePath?: string } = {},
): Dispatch {
  return async (method, input) => {
    if (!isMethod(method)) {
      // Never String() an arbitrary value: an object whose toString is not a function throws.
      const shown = typeof method === 'string' ? JSON.stringify(method).slice(0, 80) : `(a ${typeof method}, not a name)`;
      return { ok: false, error: { code: 'unknown_method', message: `unknown method ${shown}` } };
    }
    const spec = api[method];
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid_input', message: `${method}: ${describeIssues(parsed.error.issues)}` } };
    }
    try {
      const handler = handlers[method] as (i: unknown) => unknown;
      const result = await handler(parsed.data);
      const checked = spec.output.safeParse(result);
      if (!checked.success) {
        log(`claimscope: ${method} returned an invalid result: ${describeIssues(checked.error.issues)}`);
        return { ok: false, error: { code: 'internal', message: `${method}: internal error (invalid result); please report it` } };
      }
      return { ok: true, value: checked.data };
    } catch (err) {
      if (err instanceof ClaimscopeError) return { ok: false, error: { code: err.code, message: err.message } };
      if (isBusy(err)) {
        return { ok: false, error: { code: 'conflict', message: 'the database is busy with another program; try again in a moment' } };
      }
      const storage = describeStorageError(err, context.databasePath ?? 'the database');
      if (storage) {
        log(`claimscope: ${method}: ${storage} (${String((err as { code?: unknown }).code)})`);
        return { ok: false, error: { code: 'storage', message: storage } };
      }
      log(`claimscope: ${method} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return { ok: false, error: { code: 'internal', message: `${method}: internal error; please report it` } };
    }
  };
}
