import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import type { QueryResult } from 'pg';

// A throwaway PostgreSQL cluster for tests: Debian's binaries (/usr/lib/postgresql/<ver>/bin),
// a fresh folder under /tmp for the data and the unix socket, 127.0.0.1 on a free port. initdb
// refuses root, so as root the server runs as the `postgres` user (runuser). Host connections
// need a password (scram-sha-256); the socket (private to the server's user) trusts.
// scripts/pg-dev.mjs repeats the binary discovery below for the persistent developer cluster.

export interface PgCluster {
  port: number;
  /** postgres://USER:PASSWORD@127.0.0.1:PORT/DB ; default user is the superuser 'claimscope_admin' with a password, default db 'claimscope' */
  url(user?: string, password?: string, database?: string): string;
  /** run SQL as the superuser (uses pg.Client) */
  admin(sql: string, params?: unknown[]): Promise<QueryResult>;
  /** stop cleanly (pg_ctl stop -m fast) and delete the temp folder */
  stop(): Promise<void>;
  /** SIGKILL the postmaster and its children (simulating a crash) without removing data */
  kill(): Promise<void>;
  /** start again on the same port and data dir after kill() or stop-without-delete */
  restart(): Promise<void>;
}

const ADMIN = 'claimscope_admin';
const DATABASE = 'claimscope';
const isRoot = process.getuid?.() === 0;

function findBin(): string | null {
  const has = (dir: string) => ['initdb', 'pg_ctl', 'postgres'].every((b) => fs.existsSync(path.join(dir, b)));
  const fromEnv = process.env.CLAIMSCOPE_PG_BIN;
  if (fromEnv) return has(fromEnv) ? fromEnv : null;
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (has(path.join(base, v, 'bin'))) return path.join(base, v, 'bin');
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir && has(dir)) return dir;
  return null;
}

function postgresIds(): { uid: number; gid: number } | null {
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const u = id('-u');
  const g = id('-g');
  return u.status === 0 && g.status === 0 ? { uid: Number(u.stdout), gid: Number(g.stdout) } : null;
}

/** null with a one-line reason when PostgreSQL's binaries are not on this machine */
export function pgAvailable(): { ok: true; bin: string } | { ok: false; reason: string } {
  const bin = findBin();
  if (!bin) return { ok: false, reason: 'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb; Debian: apt-get install postgresql)' };
  if (isRoot && !postgresIds()) return { ok: false, reason: 'running as root and there is no `postgres` user to run PostgreSQL as' };
  if (isRoot && !fs.existsSync('/usr/sbin/runuser') && !fs.existsSync('/sbin/runuser')) {
    return { ok: false, reason: 'running as root and runuser (util-linux) is missing' };
  }
  return { ok: true, bin };
}

/** Runs a PostgreSQL program as the server's user; rejects with its output on failure. */
function run(bin: string, program: string, args: string[], cwd: string): Promise<string> {
  const file = isRoot ? 'runuser' : path.join(bin, program);
  const argv = isRoot ? ['-u', 'postgres', '--', path.join(bin, program), ...args] : args;
  return new Promise((resolve, reject) => {
    execFile(file, argv, { cwd, env: { ...process.env, LC_ALL: 'C' } }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${program} failed: ${(stderr || stdout || error.message).trim()}`));
      else resolve(stdout);
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Alive and not a zombie (PID 1 here may never reap the reparented postmaster). */
function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    try {
      process.kill(pid, 0);
      return !fs.existsSync('/proc/self');
    } catch {
      return false;
    }
  }
}

/** The PID on a lock file's first line: a data folder's postmaster.pid, or the file itself. */
function postmasterPid(dataOrLock: string): number | null {
  const file = dataOrLock.endsWith('.pid') || dataOrLock.endsWith('.lock') ? dataOrLock : path.join(dataOrLock, 'postmaster.pid');
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
    return pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** The postmaster and its children (backends, checkpointer, …), read from /proc. */
function serverPids(pid: number): number[] {
  const pids = [pid];
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return pids;
  }
  for (const e of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${e}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) pids.push(Number(e));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** SIGKILL the postmaster and its children; returns the ids to wait for. */
function killServer(data: string): number[] {
  const pid = postmasterPid(data);
  if (pid === null || !alive(pid)) return [];
  const pids = serverPids(pid);
  for (const p of pids) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return pids;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Every cluster not yet stop()ped, so a test run that ends (or dies of a signal) leaks no server.
const live = new Set<{ data: string; dir: string }>();
function cleanupAll(): void {
  for (const c of live) {
    killServer(c.data);
    try {
      fs.rmSync(c.dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // best effort at exit
    }
  }
  live.clear();
}
let hooked = false;
function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', cleanupAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      cleanupAll();
      process.removeListener(signal, onSignal);
      // Nobody else handles it: die of it as we would have without this listener.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

export async function startPostgres(options: { fsync?: boolean } = {}): Promise<PgCluster> {
  const available = pgAvailable();
  if (!available.ok) throw new Error(available.reason);
  const bin = available.bin;
  const dir = fs.mkdtempSync('/tmp/claimscope-pg-');
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  const entry = { data, dir };
  live.add(entry);
  hookExit();
  const ids = isRoot ? postgresIds() : null;
  if (ids) fs.chownSync(dir, ids.uid, ids.gid);

  const superPassword = randomBytes(16).toString('hex');
  const adminPassword = randomBytes(16).toString('hex');
  const pwfile = path.join(dir, 'pwfile');
  fs.writeFileSync(pwfile, `${superPassword}\n`, { mode: 0o600 });
  if (ids) fs.chownSync(pwfile, ids.uid, ids.gid);

  let port = 0;
  let running = false;

  const connect = async (user: string, password: string, database: string) => {
    const client = new pg.Client({ host: '127.0.0.1', port, user, password, database, connectionTimeoutMillis: 5000 });
    client.on('error', () => {}); // a later server kill must not crash the test process
    await client.connect();
    return client;
  };

  const logTail = () => {
    try {
      return fs.readFileSync(log, 'utf8').trim().split('\n').slice(-15).join('\n');
    } catch {
      return '(no server log)';
    }
  };

  /** pg_ctl start without waiting, then poll with pg.Client until it answers. */
  const launch = async (user: string, password: string, database: string) => {
    // After kill() the dead postmaster may linger as a zombie until PID 1 reaps it (~1.5 s here),
    // and PostgreSQL takes a zombie's PID in a lock file for a live server. The server is dead.
    for (const lock of [path.join(data, 'postmaster.pid'), path.join(dir, `.s.PGSQL.${port}.lock`)]) {
      const pid = postmasterPid(lock);
      if (pid !== null && !alive(pid)) fs.rmSync(lock, { force: true });
    }
    await run(bin, 'pg_ctl', ['start', '-W', '-D', data, '-l', log, '-o', `-p ${port}`], dir);
    const started = Date.now();
    let last: unknown = null;
    while (Date.now() - started < 30_000) {
      try {
        const client = await connect(user, password, database);
        await client.end();
        running = true;
        return;
      } catch (e) {
        last = e;
        if ((e as { code?: string }).code === '28P01') break; // wrong password: waiting will not help
      }
      const pid = postmasterPid(data);
      if (Date.now() - started > 1000 && (pid === null || !alive(pid))) break; // the server gave up
      await sleep(25);
    }
    killServer(data);
    throw new Error(`PostgreSQL did not start on 127.0.0.1:${port}: ${(last as Error)?.message ?? 'timeout'}\n${logTail()}`);
  };

  try {
    await run(
      bin,
      'initdb',
      ['-D', data, '-U', 'postgres', `--pwfile=${pwfile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C', '-N', '--no-instructions'],
      dir,
    );
    fs.rmSync(pwfile);
    fs.appendFileSync(
      path.join(data, 'postgresql.conf'),
      [
        '',
        '# claimscope test cluster',
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir}'`,
        `fsync = ${options.fsync ? 'on' : 'off'}`,
        'max_connections = 100',
        'shared_buffers = 32MB',
        '',
      ].join('\n'),
    );
    // The free port may be taken before the server binds it (parallel test files): try another.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      try {
        await launch('postgres', superPassword, 'postgres');
        break;
      } catch (e) {
        if (attempt >= 3 || !/could not bind|Address already in use|could not create any TCP\/IP sockets/.test(logTail())) throw e;
        fs.writeFileSync(log, '');
      }
    }
    const boot = await connect('postgres', superPassword, 'postgres');
    try {
      await boot.query(`CREATE ROLE ${ADMIN} LOGIN SUPERUSER CREATEROLE PASSWORD '${adminPassword}'`);
      await boot.query(`CREATE DATABASE ${DATABASE} OWNER ${ADMIN}`);
    } finally {
      await boot.end();
    }
  } catch (e) {
    killServer(data);
    live.delete(entry);
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }

  const url = (user = ADMIN, password?: string, database = DATABASE) => {
    const pass = password ?? (user === ADMIN ? adminPassword : undefined);
    const auth = encodeURIComponent(user) + (pass === undefined ? '' : `:${encodeURIComponent(pass)}`);
    return `postgres://${auth}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  };

  const waitGone = async (pids: number[]) => {
    const until = Date.now() + 10_000;
    while (pids.some(alive)) {
      if (Date.now() > until) throw new Error(`PostgreSQL processes ${pids.filter(alive).join(', ')} did not exit`);
      await sleep(10);
    }
  };

  const stopServer = async () => {
    if (!running) return;
    const pid = postmasterPid(data);
    await run(bin, 'pg_ctl', ['stop', '-m', 'fast', '-w', '-D', data], dir);
    running = false;
    if (pid !== null) await waitGone([pid]);
  };

  return {
    get port() {
      return port;
    },
    url,
    async admin(sql, params) {
      const client = await connect(ADMIN, adminPassword, DATABASE);
      try {
        return await client.query(sql, params);
      } finally {
        await client.end();
      }
    },
    async stop() {
      try {
        await stopServer();
      } finally {
        killServer(data); // only does anything if the clean stop failed
        live.delete(entry);
        fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      }
    },
    async kill() {
      await waitGone(killServer(data));
      running = false;
    },
    async restart() {
      await stopServer();
      await launch(ADMIN, adminPassword, DATABASE);
    },
  };
}
