import fs from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgAvailable, startPostgres, type PgCluster } from './pg';

// The throwaway PostgreSQL harness itself: it starts, answers on 127.0.0.1 with a password,
// keeps committed rows through a crash (SIGKILL) and a restart, and leaves nothing behind.

const available = pgAvailable();
if (!available.ok) console.warn(`claimscope: PostgreSQL tests skipped: ${available.reason}`);

describe.skipIf(!available.ok)('test PostgreSQL cluster', () => {
  let cluster: PgCluster;
  let startMs = 0;

  beforeAll(async () => {
    const t = Date.now();
    cluster = await startPostgres();
    startMs = Date.now() - t;
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('starts quickly and accepts the superuser over TCP with its password', async () => {
    expect(startMs).toBeLessThan(10_000);
    const client = new pg.Client({ connectionString: cluster.url() });
    await client.connect();
    try {
      const r = await client.query('SELECT current_user AS u, current_database() AS d, rolsuper FROM pg_roles WHERE rolname = current_user');
      expect(r.rows[0]).toEqual({ u: 'claimscope_admin', d: 'claimscope', rolsuper: true });
      const listen = await client.query('SHOW listen_addresses');
      expect(listen.rows[0].listen_addresses).toBe('127.0.0.1');
    } finally {
      await client.end();
    }
    expect(cluster.url()).toMatch(new RegExp(`^postgres://claimscope_admin:[^@]+@127\\.0\\.0\\.1:${cluster.port}/claimscope$`));
  });

  it('refuses a wrong password', async () => {
    const client = new pg.Client({ connectionString: cluster.url('claimscope_admin', 'wrong') });
    client.on('error', () => {});
    await expect(client.connect()).rejects.toThrow(/password authentication failed/);
  });

  it('keeps a committed row through kill() and restart()', async () => {
    await cluster.admin('CREATE TABLE t (id int PRIMARY KEY, v text)');
    await cluster.admin('INSERT INTO t VALUES ($1, $2)', [1, 'kept']);
    const port = cluster.port;
    await cluster.kill();
    await expect(cluster.admin('SELECT 1')).rejects.toThrow();
    await cluster.restart();
    expect(cluster.port).toBe(port);
    const r = await cluster.admin('SELECT v FROM t WHERE id = 1');
    expect(r.rows).toEqual([{ v: 'kept' }]);
  });

  it('stop() removes its folder', async () => {
    const other = await startPostgres();
    const dir = (await other.admin('SHOW unix_socket_directories')).rows[0].unix_socket_directories as string;
    expect(fs.existsSync(dir)).toBe(true);
    await other.stop();
    expect(fs.existsSync(dir)).toBe(false);
  });
});
