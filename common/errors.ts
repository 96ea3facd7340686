// Errors a person can act on. `code` lets a client react; `message` is one line for the person.
export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'bad_file',
  'conflict',
  'unauthorized',
  'storage',
  /** A service this process cannot reach (the team workspace's server). */
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class ClaimscopeError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ClaimscopeError';
  }
}

export type ApiFailure = { ok: false; error: { code: ErrorCode; message: string } };
export type ApiSuccess<T> = { ok: true; value: T };
export type ApiResult<T> = ApiSuccess<T> | ApiFailure;
