import type pg from 'pg';
import {
  AUTHORED_TABLES,
  tableSpec,
  type AppliedRow,
  type ConflictKind,
  type PulledOp,
  type SyncTable,
  type WireChange,
  type WireConflict,
  type WireOp,
  type WireRow,
} from '../../common/workspace';
import { CHANNEL, ROLES, SCHEMA, type WorkspaceRole } from './schema';

// The server's half of a sync, over one connection as the analyst (so PostgreSQL's roles and
// row-level security judge every write). A push takes the workspace's push lock, so sequence
// numbers are given in commit order and a pull after seq N never misses a later commit with a
// smaller number. Each operation is decided against the rows as they stand: creations, changes
// field by field (a field changed by someone since this analyst last saw it: server order wins,
// the value that lost is kept in `conflicts`), deletions; an edit of a deleted row, or a row whose
// parent is gone, is refused and said so. The result, each row as it now stands, is stored with
// the operation: what every client applies.

const PUSH_LOCK = 0x636c6169; // 'clai'
const STAMPS = new Set(['created_by', 'changed_by', 'changed_at']);
const authored = new Set<string>(AUTHORED_TABLES);

interface ServerRow {
  data: WireRow;
  deleted: boolean;
  author: string;
  fields: Record<string, string>;
  /** Written by this push: to be stored. */
  dirty?: boolean;
}

export interface PushResult {
  acknowledged: Array<{ uid: string; seq: number }>;
  /** Operations the database refused (a role's limits): dropped, with the reason. */
  refused: Array<{ uid: string; reason: string; changes: WireChange[] }>;
  conflicts: number;
}

export interface PullResult {
  ops: PulledOp[];
  conflicts: WireConflict[];
  /** The newest sequence number on the server. */
  head: number;
}

function key(t: string, u: string): string {
  return `${t}\u0000${u}`;
}

function isPermissionError(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === '42501';
}

export class ServerStore {
  constructor(readonly client: pg.Client) {}

  /** The login this connection is, and its workspace role (the strongest it holds). */
  async whoAmI(): Promise<{ login: string; role: WorkspaceRole | null; workspace: string }> {
    const r = await this.client.query(
      `SELECT session_user AS login,
        pg_has_role(session_user, '${ROLES.editor}', 'MEMBER') AS editor,
        pg_has_role(session_user, '${ROLES.analyst}', 'MEMBER') AS analyst,
        pg_has_role(session_user, '${ROLES.reader}', 'MEMBER') AS reader,
        (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) AS super`,
    );
    const row = r.rows[0] as { login: string; editor: boolean; analyst: boolean; reader: boolean; super: boolean };
    const role: WorkspaceRole | null = row.editor || row.super ? 'editor' : row.analyst ? 'analyst' : row.reader ? 'reader' : null;
    let workspace: string;
    try {
      workspace = (await this.client.query(`SELECT uid FROM ${SCHEMA}.workspace WHERE id = 1`)).rows[0].uid as string;
    } catch (err) {
      if ((err as { code?: string }).code === '42P01') throw new Error('this database has no Claimscope workspace; its owner creates one with `claimscope workspace init URL`', { cause: err });
      if (isPermissionError(err)) throw new Error(`${row.login} is not a member of this workspace; its owner adds them with \`claimscope workspace add-member\``, { cause: err });
      throw err;
    }
    if (role === null) throw new Error(`${row.login} is not a member of this workspace; its owner adds them with \`claimscope workspace add-member\``);
    await this.client.query(`INSERT INTO ${SCHEMA}.members (login) VALUES (session_user) ON CONFLICT (login) DO NOTHING`);
    return { login: row.login, role, workspace };
  }

  async head(): Promise<number> {
    return Number((await this.client.query(`SELECT coalesce(max(seq), 0) AS s FROM ${SCHEMA}.ops`)).rows[0].s);
  }

  /** Sends document texts the server lacks (each once, by fingerprint). */
  async putBlobs(blobs: ReadonlyArray<{ hash: string; text: string; blocks: string }>): Promise<void> {
    for (const b of blobs) {
      await this.client.query(`INSERT INTO ${SCHEMA}.blobs (text_sha256, text, blocks) VALUES ($1, $2, $3) ON CONFLICT (text_sha256) DO NOTHING`, [b.hash, b.text, b.blocks]);
    }
  }

  async blobs(hashes: readonly string[]): Promise<Map<string, { text: string; blocks: string }>> {
    const out = new Map<string, { text: string; blocks: string }>();
    if (hashes.length === 0) return out;
    const r = await this.client.query(`SELECT text_sha256, text, blocks FROM ${SCHEMA}.blobs WHERE text_sha256 = ANY($1::text[])`, [hashes]);
    for (const row of r.rows as Array<{ text_sha256: string; text: string; blocks: string }>) out.set(row.text_sha256, { text: row.text, blocks: row.blocks });
    return out;
  }

  /**
   * Pushes operations in order, in one transaction: all of them in a few statements; when the
   * database refuses the lot (a role's limit, raised by its trigger or row-level security), again
   * one by one, each in its own savepoint, so only the refused ones are dropped.
   */
  async push(ops: readonly WireOp[], me: string): Promise<PushResult> {
    const result: PushResult = { acknowledged: [], refused: [], conflicts: 0 };
    if (ops.length === 0) return result;
    const c = this.client;
    await c.query('BEGIN');
    try {
      await c.query('SELECT pg_advisory_xact_lock($1)', [PUSH_LOCK]);
      const known = await c.query(`SELECT uid, seq FROM ${SCHEMA}.ops WHERE uid = ANY($1::text[])`, [ops.map((o) => o.uid)]);
      const seen = new Map((known.rows as Array<{ uid: string; seq: string }>).map((r) => [r.uid, Number(r.seq)]));
      // A retried push: what the server has is acknowledged again, never applied twice.
      for (const op of ops) {
        const already = seen.get(op.uid);
        if (already !== undefined) result.acknowledged.push({ uid: op.uid, seq: already });
      }
      const fresh = ops.filter((o) => !seen.has(o.uid));
      if (fresh.length) {
        await c.query('SAVEPOINT batch');
        try {
          const r = await this.applyBatch(fresh, me);
          result.acknowledged.push(...r.acknowledged);
          result.conflicts += r.conflicts;
        } catch (err) {
          await c.query('ROLLBACK TO SAVEPOINT batch');
          if (!isPermissionError(err)) throw err;
          for (const op of fresh) {
            await c.query('SAVEPOINT op');
            try {
              const r = await this.applyBatch([op], me);
              result.acknowledged.push(...r.acknowledged);
              result.conflicts += r.conflicts;
            } catch (e) {
              await c.query('ROLLBACK TO SAVEPOINT op');
              if (!isPermissionError(e)) throw e;
              result.refused.push({ uid: op.uid, reason: (e as Error).message.split('\n')[0]!, changes: op.changes });
            }
          }
        }
      }
      if (result.acknowledged.length) await c.query(`SELECT pg_notify('${CHANNEL}', (SELECT coalesce(max(seq), 0)::text FROM ${SCHEMA}.ops))`);
      await c.query('COMMIT');
    } catch (err) {
      await c.query('ROLLBACK').catch(() => {});
      throw err;
    }
    result.acknowledged.sort((a, b) => a.seq - b.seq);
    return result;
  }

  /** Decides operations in order against the rows as they stand, then writes them in a few statements. */
  private async applyBatch(ops: readonly WireOp[], me: string): Promise<{ acknowledged: Array<{ uid: string; seq: number }>; conflicts: number }> {
    const rows = await this.loadRows(ops.flatMap((o) => o.changes));
    const seqs = (await this.client.query(`SELECT nextval('${SCHEMA}.op_seq') AS s FROM generate_series(1, $1::int)`, [ops.length])).rows.map((r: { s: string }) => Number(r.s));
    seqs.sort((a, b) => a - b);
    const rowSeq = new Map<string, number>();
    const opRows: Array<{ seq: number; op: WireOp; applied: AppliedRow[] }> = [];
    const conflicts: Array<Decided['conflicts'][number] & { seq: number }> = [];
    const now = new Date().toISOString();
    ops.forEach((op, i) => {
      const seq = seqs[i]!;
      const decided = decide(op, rows, me, now);
      for (const k of decided.touched) rowSeq.set(k, seq);
      for (const cf of decided.conflicts) conflicts.push({ seq, ...cf });
      opRows.push({ seq, op, applied: decided.applied });
    });
    await this.client.query(
      `INSERT INTO ${SCHEMA}.ops (seq, uid, label, client_at, changes, applied)
       SELECT s, u, l, a, c::jsonb, p::jsonb FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS v(s, u, l, a, c, p)`,
      [
        opRows.map((o) => o.seq),
        opRows.map((o) => o.op.uid),
        opRows.map((o) => o.op.label),
        opRows.map((o) => o.op.at),
        opRows.map((o) => JSON.stringify(o.op.changes)),
        opRows.map((o) => JSON.stringify(o.applied)),
      ],
    );
    const dirty = [...rows.entries()].filter(([, r]) => r.dirty);
    if (dirty.length) {
      await this.client.query(
        `INSERT INTO ${SCHEMA}.rows (tbl, uid, data, deleted, seq, fields)
         SELECT t, u, d::jsonb, x, s, f::jsonb FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::bigint[], $6::text[]) AS v(t, u, d, x, s, f)
         ON CONFLICT (tbl, uid) DO UPDATE SET data = excluded.data, deleted = excluded.deleted, seq = excluded.seq, author = session_user, fields = excluded.fields`,
        [
          dirty.map(([k]) => k.split('\u0000')[0]!),
          dirty.map(([k]) => k.split('\u0000')[1]!),
          dirty.map(([, r]) => JSON.stringify(r.data)),
          dirty.map(([, r]) => r.deleted),
          dirty.map(([k]) => rowSeq.get(k) ?? seqs[seqs.length - 1]!),
          dirty.map(([, r]) => JSON.stringify(r.fields)),
        ],
      );
    }
    if (conflicts.length) {
      await this.client.query(
        `INSERT INTO ${SCHEMA}.conflicts (seq, tbl, uid, kind, field, kept, lost, winner, loser)
         SELECT s, t, u, k, f, kp::jsonb, l::jsonb, w, lo FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) AS v(s, t, u, k, f, kp, l, w, lo)`,
        [
          conflicts.map((x) => x.seq),
          conflicts.map((x) => x.t),
          conflicts.map((x) => x.u),
          conflicts.map((x) => x.kind),
          conflicts.map((x) => x.field),
          conflicts.map((x) => JSON.stringify(x.kept ?? null)),
          conflicts.map((x) => JSON.stringify(x.lost ?? null)),
          conflicts.map((x) => x.winner),
          conflicts.map((x) => x.loser),
        ],
      );
    }
    return { acknowledged: opRows.map((o) => ({ uid: o.op.uid, seq: o.seq })), conflicts: conflicts.length };
  }

  private async loadRows(changes: readonly WireChange[]): Promise<Map<string, ServerRow>> {
    const tbls: string[] = [];
    const uids: string[] = [];
    for (const ch of changes) {
      tbls.push(ch.t);
      uids.push(ch.u);
      const refs = tableSpec(ch.t).refs;
      for (const [col, parent] of Object.entries(refs)) {
        const v = ch.a?.[col];
        if (typeof v === 'string') {
          tbls.push(parent);
          uids.push(v);
        }
      }
    }
    const r = await this.client.query(
      `SELECT r.tbl, r.uid, r.data, r.deleted, r.author, r.fields FROM ${SCHEMA}.rows r
       JOIN unnest($1::text[], $2::text[]) AS k(tbl, uid) ON r.tbl = k.tbl AND r.uid = k.uid`,
      [tbls, uids],
    );
    const out = new Map<string, ServerRow>();
    for (const row of r.rows as Array<{ tbl: string; uid: string; data: WireRow; deleted: boolean; author: string; fields: Record<string, string> }>) {
      out.set(key(row.tbl, row.uid), { data: row.data, deleted: row.deleted, author: row.author, fields: row.fields });
    }
    return out;
  }

  /** Operations after `after`, in order, with the conflicts decided in them. */
  async pull(after: number, limit: number): Promise<PullResult> {
    const r = await this.client.query(
      `SELECT seq, uid, author, label, received_at, applied FROM ${SCHEMA}.ops WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [after, limit],
    );
    const ops: PulledOp[] = (r.rows as Array<{ seq: string; uid: string; author: string; label: string; received_at: Date; applied: AppliedRow[] }>).map((o) => ({
      seq: Number(o.seq),
      uid: o.uid,
      author: o.author,
      label: o.label,
      at: o.received_at.toISOString(),
      applied: o.applied,
    }));
    const last = ops.length ? ops[ops.length - 1]!.seq : after;
    const cr = await this.client.query(
      `SELECT id, seq, tbl, uid, kind, field, kept, lost, winner, loser, at FROM ${SCHEMA}.conflicts WHERE seq > $1 AND seq <= $2 ORDER BY id`,
      [after, last],
    );
    const conflicts: WireConflict[] = (cr.rows as Array<Record<string, unknown>>).map((x) => ({
      id: Number(x.id),
      seq: Number(x.seq),
      t: x.tbl as SyncTable,
      u: x.uid as string,
      kind: x.kind as ConflictKind,
      field: (x.field as string | null) ?? null,
      kept: (x.kept as string | number | null) ?? null,
      lost: (x.lost as string | number | null) ?? null,
      winner: x.winner as string,
      loser: x.loser as string,
      at: (x.at as Date).toISOString(),
    }));
    return { ops, conflicts, head: await this.head() };
  }

  /** Rows as they stand on the server (to put back what a refused operation changed here). */
  async rowsNow(keys: ReadonlyArray<{ t: SyncTable; u: string }>): Promise<AppliedRow[]> {
    if (keys.length === 0) return [];
    const r = await this.client.query(
      `SELECT k.tbl, k.uid, r.data, r.deleted FROM unnest($1::text[], $2::text[]) AS k(tbl, uid)
       LEFT JOIN ${SCHEMA}.rows r ON r.tbl = k.tbl AND r.uid = k.uid`,
      [keys.map((k) => k.t), keys.map((k) => k.u)],
    );
    return (r.rows as Array<{ tbl: SyncTable; uid: string; data: WireRow | null; deleted: boolean | null }>).map((x) => ({
      t: x.tbl,
      u: x.uid,
      row: x.data && !x.deleted ? x.data : null,
    }));
  }
}

interface Decided {
  applied: AppliedRow[];
  /** The keys of the rows it wrote. */
  touched: string[];
  conflicts: Array<{ t: SyncTable; u: string; kind: ConflictKind; field: string | null; kept: unknown; lost: unknown; winner: string; loser: string }>;
}

/**
 * One operation decided against the rows as they stand (the map is updated in place): creations,
 * changes field by field (server order wins; the value that lost is a conflict), deletions; an edit
 * of a deleted row, or a row whose parent is gone, is refused and said so. No I/O.
 */
function decide(op: WireOp, rows: Map<string, ServerRow>, me: string, now: string): Decided {
  const conflicts: Decided['conflicts'] = [];
  const touched = new Map<string, { t: SyncTable; u: string }>();

  for (const ch of op.changes) {
    const k = key(ch.t, ch.u);
    const current = rows.get(k);
    const live = current !== undefined && !current.deleted;
    touched.set(k, { t: ch.t, u: ch.u });
    if (ch.a === null) {
      if (live) {
        current.deleted = true;
        current.author = me;
        current.dirty = true;
      }
      continue;
    }
    // Every row it points at must stand on the server.
    const refs = tableSpec(ch.t).refs;
    let orphanOf: ServerRow | null | undefined;
    for (const [col, parent] of Object.entries(refs)) {
      const v = ch.a[col];
      if (typeof v !== 'string') continue;
      const p = rows.get(key(parent, v));
      if (!p || p.deleted) {
        orphanOf = p ?? null;
        break;
      }
    }
    if (orphanOf !== undefined) {
      conflicts.push({ t: ch.t, u: ch.u, kind: 'missing_parent', field: null, kept: null, lost: null, winner: orphanOf?.author ?? me, loser: me });
      if (live) {
        current.deleted = true;
        current.dirty = true;
      }
      continue;
    }
    if (ch.b !== null && !live) {
      // An edit of something another analyst deleted: nothing comes back, and they are told.
      const field = Object.keys(ch.a).find((f) => !STAMPS.has(f) && ch.a![f] !== ch.b![f]) ?? null;
      conflicts.push({ t: ch.t, u: ch.u, kind: 'edit_of_deleted', field, kept: null, lost: field ? ch.a[field] : null, winner: current?.author ?? me, loser: me });
      continue;
    }
    if (!live) {
      // A creation (or this analyst's undo bringing back what they deleted).
      const data: WireRow = { ...ch.a };
      if (authored.has(ch.t)) {
        data.created_by = current?.data.created_by ?? me;
        data.changed_by = me;
        data.changed_at = now;
      }
      const fields: Record<string, string> = {};
      for (const f of Object.keys(data)) fields[f] = me;
      rows.set(k, { data, deleted: false, author: me, fields, dirty: true });
      continue;
    }
    // A change of a standing row (or the same row made by two analysts): field by field.
    let changed = false;
    for (const f of Object.keys(ch.a)) {
      if (STAMPS.has(f)) continue;
      const mine = ch.a[f] ?? null;
      const base = ch.b === null ? (current.data[f] ?? null) : (ch.b[f] ?? null);
      if (ch.b !== null && mine === base) continue;
      const theirs = current.data[f] ?? null;
      if (theirs === mine) continue;
      if (theirs !== base || ch.b === null) {
        conflicts.push({ t: ch.t, u: ch.u, kind: 'concurrent_edit', field: f, kept: mine, lost: theirs, winner: me, loser: current.fields[f] ?? current.author });
      }
      current.data = { ...current.data, [f]: mine };
      current.fields = { ...current.fields, [f]: me };
      changed = true;
    }
    if (changed) {
      if (authored.has(ch.t)) current.data = { ...current.data, changed_by: me, changed_at: now };
      current.author = me;
      current.dirty = true;
    }
  }

  const applied: AppliedRow[] = [];
  for (const { t, u } of touched.values()) {
  const r = rows.get(key(t, u));
  applied.push({ t, u, row: r && !r.deleted ? r.data : null });
  }
  return { applied, touched: [...touched.keys()], conflicts };
}
