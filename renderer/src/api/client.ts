import type { Client } from '../../../common/api';
import type { ApiResult, ErrorCode } from '../../../common/errors';
import { METHOD_NAMES, SECRET_HEADER, type Bridge, type MethodName } from '../../../common/methods';

// The renderer's only way to the data: the preload bridge in Electron, HTTP to the local web host
// in a browser. Both are generated from the method list and return the same envelopes.

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

declare global {
  interface Window {
    claimscope?: Bridge;
  }
}

function unwrap(result: ApiResult<unknown>): unknown {
  if (result.ok) return result.value;
  throw new ApiError(result.error.code, result.error.message);
}

const SECRET_KEY = 'claimscope.secret';

/** The web host's secret arrives in the URL fragment (never sent to a server); keep it for reloads. */
function takeSecret(): string {
  const match = /[#&]secret=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(SECRET_KEY, match[1]!);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(SECRET_KEY) ?? '';
}

function httpInvoker(): (method: MethodName, input: unknown) => Promise<unknown> {
  const secret = takeSecret();
  return async (method, input) => {
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [SECRET_HEADER]: secret },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      throw new ApiError('internal', 'Claimscope is not running any more; start it again (npm start) and reload');
    }
    let body: ApiResult<unknown>;
    try {
      body = (await response.json()) as ApiResult<unknown>;
    } catch {
      throw new ApiError('internal', `the app answered ${response.status} without a result; reload the page`);
    }
    return unwrap(body);
  };
}

export const isElectron = typeof window !== 'undefined' && window.claimscope !== undefined;

export function createClient(): Client {
  const bridge = window.claimscope;
  const invoke = bridge
    ? async (method: MethodName, input: unknown) => unwrap((await bridge.api[method](input)) as ApiResult<unknown>)
    : httpInvoker();
  return Object.fromEntries(METHOD_NAMES.map((m) => [m, (input: unknown) => invoke(m, input)])) as Client;
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return err instanceof Error ? err.message : String(err);
}
