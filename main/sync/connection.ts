import type pg from 'pg';
import { parse } from 'pg-connection-string';


// How a workspace is reached: a postgres:// connection string. Its password is never stored with
// it: it comes from the URL given now, the OS keychain (the app, through Electron's safeStorage),
// CLAIMSCOPE_PG_URL, PGPASSWORD or ~/.pgpass (node-postgres reads the last two itself). TLS as the
// URL says (sslmode=require / verify-full ...), which node-postgres honours.

export interface WorkspaceAddress {
  /** The connection string without its password: what is stored and shown. */
  url: string;
  /** The password given with it, if any (kept only in memory, or in the keychain by the app). */
  password: string | undefined;
}

/** Splits a connection string into what may be stored and the password; one clear line when it is not one. */
export function parseWorkspaceUrl(input: string): WorkspaceAddress {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    throw new Error(`"${redact(input)}" is not a PostgreSQL connection string; give one like postgres://ana@db.example.org/claimscope`);
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    throw new Error(`"${redact(input)}" is not a PostgreSQL connection string (it starts with ${u.protocol}); give one like postgres://ana@db.example.org/claimscope`);
  }
  if (!u.hostname) throw new Error(`"${redact(input)}" names no server; give one like postgres://ana@db.example.org/claimscope`);
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  u.password = '';
  return { url: u.toString(), password };
}

/** The connection string with any password masked, for messages and the status bar. */
export function redact(url: string): string {
  return url.replace(/(postgres(?:ql)?:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

/** The password from CLAIMSCOPE_PG_URL when it names the same server and user. */
export function passwordFromEnvironment(url: string): string | undefined {
  const env = process.env.CLAIMSCOPE_PG_URL;
  if (!env) return undefined;
  try {
    const a = new URL(env);
    const b = new URL(url);
    if (a.hostname === b.hostname && (a.port || '5432') === (b.port || '5432') && decodeURIComponent(a.username) === decodeURIComponent(b.username)) {
      return a.password ? decodeURIComponent(a.password) : undefined;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** A connected client, with a short connection timeout and one line on failure that names the server. */
export async function openClient(url: string, password: string | undefined, options: { timeoutMs?: number } = {}): Promise<pg.Client> {
  // Parsed here, not handed over as connectionString, which would override the password given.
  const parsed = parse(url);
  // (loaded here, when a workspace is used: no other command pays for loading it)
  const { default: pgModule } = await import('pg');
  const client = new pgModule.Client({
    ...(parsed as pg.ClientConfig),
    ...(password !== undefined ? { password } : {}),
    connectionTimeoutMillis: options.timeoutMs ?? 5000,
    application_name: 'claimscope',
    keepAlive: true,
  });
  // An idle connection that drops (the server restarts) must not crash the process.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => {});
    throw new Error(`cannot reach the workspace at ${redact(url)}: ${describePgError(err)}`, { cause: err });
  }
  return client;
}

export function describePgError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const msg = (e.message ?? String(err)).split('\n')[0]!;
  if (e.code === 'ECONNREFUSED') return 'nothing answers there (is the server running?)';
  if (e.code === '28P01') return 'the password was refused (set it again, or PGPASSWORD / ~/.pgpass)';
  if (e.code === '3D000') return msg;
  if (/password must be a string|SASL/.test(msg)) return 'the server asks for a password and none was given (put it in the URL, PGPASSWORD or ~/.pgpass)';
  return msg;
}
