#!/usr/bin/env node
// A persistent local PostgreSQL for trying the team workspace on one machine:
//   node scripts/pg-dev.mjs [--dir PATH] [--port N]   create (first time) or start it; prints its URL
//   node scripts/pg-dev.mjs --stop [--dir PATH]        stop it
// Data in ~/.local/share/claimscope/pg-dev (/var/lib/claimscope/pg-dev as root; PATH/data), 127.0.0.1 only, port 55432. The superuser
// claimscope_admin gets a random password, kept in PATH/admin-url.txt (mode 600). As root the server
// runs as the `postgres` user, as PostgreSQL refuses root. test/pg.ts repeats the binary discovery.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

function fail(message) {
  console.error(`claimscope: ${message}`);
  process.exit(1);
}

function findBin() {
  const has = (dir) => ['initdb', 'pg_ctl', 'postgres'].every((b) => fs.existsSync(path.join(dir, b)));
  const fromEnv = process.env.CLAIMSCOPE_PG_BIN;
  if (fromEnv) return has(fromEnv) ? fromEnv : null;
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (has(path.join(base, v, 'bin'))) return path.join(base, v, 'bin');
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir && has(dir)) return dir;
  return null;
}

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  if (!args[i + 1] || args[i + 1].startsWith('--')) fail(`${name} needs a value`);
  return args[i + 1];
};
const known = new Set(['--dir', '--port', '--stop']);
for (const [i, a] of args.entries()) {
  if (a.startsWith('--') && !known.has(a)) fail(`unknown option ${a}; usage: node scripts/pg-dev.mjs [--dir PATH] [--port N] [--stop]`);
  if (!a.startsWith('--') && !['--dir', '--port'].includes(args[i - 1])) fail(`unexpected argument ${a}`);
}

const bin = findBin();
if (!bin) fail('PostgreSQL is not installed; install it (Debian: sudo apt-get install postgresql) and run this again');

// As root the server runs as the postgres user, who cannot enter /root: the default moves to /var/lib.
const defaultDir = process.getuid?.() === 0 ? '/var/lib/claimscope/pg-dev' : path.join(os.homedir(), '.local', 'share', 'claimscope', 'pg-dev');
const dir = path.resolve(option('--dir') ?? defaultDir);
const data = path.join(dir, 'data');
const log = path.join(dir, 'server.log');
const urlFile = path.join(dir, 'admin-url.txt');
const isRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL program as the server's user (`postgres` when we are root). */
function run(program, programArgs) {
  const file = isRoot ? 'runuser' : path.join(bin, program);
  const argv = isRoot ? ['-u', 'postgres', '--', path.join(bin, program), ...programArgs] : programArgs;
  const r = spawnSync(file, argv, { cwd: dir, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
  if (r.status !== 0) fail(`${program} failed: ${(r.stderr || r.stdout || String(r.error)).trim()}`);
  return r.stdout;
}

/** The running server's port (postmaster.pid's fourth line), or null when it is not running. */
function runningPort() {
  try {
    const lines = fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n');
    process.kill(Number(lines[0]), 0);
    return Number(lines[3]);
  } catch {
    return null;
  }
}

if (args.includes('--stop')) {
  if (!fs.existsSync(path.join(data, 'PG_VERSION'))) fail(`no cluster in ${dir}`);
  if (runningPort() === null) {
    console.log(`claimscope: PostgreSQL in ${dir} is not running`);
  } else {
    run('pg_ctl', ['stop', '-m', 'fast', '-w', '-D', data]);
    console.log(`claimscope: stopped PostgreSQL in ${dir}`);
  }
  process.exit(0);
}

const portArg = option('--port');
if (portArg !== undefined && !/^\d+$/.test(portArg)) fail(`--port must be a number, not ${portArg}`);
const created = fs.existsSync(path.join(data, 'PG_VERSION'));
const saved = created && fs.existsSync(urlFile) ? new URL(fs.readFileSync(urlFile, 'utf8').trim()) : null;
if (created && !saved) fail(`${urlFile} is missing (was the first run interrupted?); delete ${dir} and run this again`);
const running = created ? runningPort() : null;
if (running !== null && portArg !== undefined && Number(portArg) !== running) {
  fail(`PostgreSQL in ${dir} is already running on port ${running}; stop it first to change the port`);
}
const port = Number(running ?? portArg ?? saved?.port ?? 55432);

async function waitReady(connection) {
  const until = Date.now() + 30_000;
  for (;;) {
    const client = new pg.Client({ ...connection, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (e) {
      if (Date.now() > until) {
        const tail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').slice(-10).join('\n') : '';
        fail(`PostgreSQL did not start: ${e.message}\n${tail}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

const start = () => run('pg_ctl', ['start', '-W', '-D', data, '-l', log, '-o', `-p ${port}`]);

let url;
if (!created) {
  // Parents the server's user can pass through; the folder itself private to it.
  fs.mkdirSync(path.dirname(dir), { recursive: true, mode: 0o755 });
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { mode: 0o700 });
  if (isRoot) {
    const id = (flag) => execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim();
    fs.chownSync(dir, Number(id('-u')), Number(id('-g')));
    // The server's user must reach the folder: not the case under /root, which is private to root.
    if (spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-w', dir]).status !== 0) {
      fail(`the postgres user cannot reach ${dir} (a parent folder is private); pass --dir with a folder elsewhere, e.g. --dir /var/tmp/claimscope-pg-dev`);
    }
  }
  if (fs.readdirSync(dir).some((f) => f !== 'server.log')) fail(`${dir} is not empty and holds no cluster; pick another --dir`);
  // The bootstrap superuser `postgres` gets a password nobody keeps: it is reached through the
  // unix socket in PATH (trusted, and only the server's user can enter that folder).
  const pwfile = path.join(dir, 'pwfile');
  fs.writeFileSync(pwfile, `${randomBytes(24).toString('hex')}\n`, { mode: 0o644 });
  try {
    run('initdb', ['-D', data, '-U', 'postgres', `--pwfile=${pwfile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-instructions']);
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
  const conf = ['', '# claimscope pg-dev', "listen_addresses = '127.0.0.1'", `unix_socket_directories = '${dir.replaceAll("'", "''")}'`, `port = ${port}`, ''];
  fs.appendFileSync(path.join(data, 'postgresql.conf'), conf.join('\n'));
  start();
  await waitReady({ host: dir, port, user: 'postgres', database: 'postgres' });
  const password = randomBytes(18).toString('base64url');
  const client = new pg.Client({ host: dir, port, user: 'postgres', database: 'postgres' });
  await client.connect();
  await client.query(`CREATE ROLE claimscope_admin LOGIN SUPERUSER CREATEROLE PASSWORD '${password}'`);
  await client.query('CREATE DATABASE claimscope OWNER claimscope_admin');
  await client.end();
  url = `postgres://claimscope_admin:${password}@127.0.0.1:${port}/claimscope`;
  fs.writeFileSync(urlFile, `${url}\n`, { mode: 0o600 });
  console.log(`claimscope: created PostgreSQL in ${dir}, listening on 127.0.0.1:${port}`);
} else {
  saved.port = String(port);
  url = saved.toString();
  fs.writeFileSync(urlFile, `${url}\n`, { mode: 0o600 });
  if (running !== null) {
    console.log(`claimscope: PostgreSQL in ${dir} is already running`);
  } else {
    start();
    await waitReady({ connectionString: url });
    console.log(`claimscope: started PostgreSQL in ${dir} on 127.0.0.1:${port}`);
  }
}
console.log(`claimscope: stop it with: node scripts/pg-dev.mjs --stop${option('--dir') ? ` --dir ${dir}` : ''}`);
console.log(url);
