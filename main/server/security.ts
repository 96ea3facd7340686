import crypto from 'node:crypto';

/** A per-launch secret: 32 random bytes, URL-safe. */
export function newSecret(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** 32 random bytes written as base64url are 43 characters: a secret given from outside must be at least as long. */
export const MIN_SECRET_LENGTH = 43;

/** The secret from CLAIMSCOPE_SECRET when it is long enough, a new one when it is not set. */
export function secretFrom(env: NodeJS.ProcessEnv): string {
  const given = env.CLAIMSCOPE_SECRET;
  if (given === undefined || given === '') return newSecret();
  if (given.length < MIN_SECRET_LENGTH || !/^[A-Za-z0-9_-]+$/.test(given)) {
    throw new Error(
      `CLAIMSCOPE_SECRET is too weak (${given.length} characters): give at least ${MIN_SECRET_LENGTH} letters, digits, - or _ (32 random bytes, e.g. \`openssl rand -base64 32 | tr '+/' '-_' | tr -d =\`), or unset it for a new one per launch`,
    );
  }
  return given;
}

/** Constant-time comparison of a presented secret with the real one. */
export function secretMatches(presented: string | undefined, secret: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = crypto.createHash('sha256').update(presented).digest();
  const b = crypto.createHash('sha256').update(secret).digest();
  return crypto.timingSafeEqual(a, b);
}

/** Host must name the loopback interface and our port: a rebinding DNS name is refused. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** A browser sends Origin on cross-origin and POST requests; it must be our own origin. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/**
 * The renderer's Content-Security-Policy: our own scripts and styles only, no inline script, no
 * remote origin of any kind. TipTap and React set style attributes, hence 'unsafe-inline' for styles.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
