import { createHash, randomUUID } from 'node:crypto';
import {
  isSyncTable,
  SYNC_TABLE_NAMES,
  tableSpec,
  type SyncTableSpec,
  type PulledOp,
  type SyncTable,
  type WireChange,
  type WireConflict,
  type WireOp,
  type WireRow,
} from '../common/workspace';
import { prepared, type DB } from './connection';

// The local half of the team workspace (issue 15). While a database is in a workspace, triggers on
// every shared table write each row change, as it travels (uids for ids), into `sync_journal`,
// whichever path made it: a tag, an undo, an import, a cascade of a deleted document. Sealing the
// journal turns each local transaction into one operation of the outbox with its own uuid (written
// before it is sent, so a retried push sends the same uuid and the server applies it once). What the
// server sends back is applied here with the triggers quiet, then the writes still waiting are laid
// over it again, so nothing the analyst did is hidden while it waits for its turn on the server.

const spec = (t: SyncTable) => tableSpec(t) as SyncTableSpec & { refs: Readonly<Record<string, SyncTable>> };
const idCol = (t: SyncTable) => (spec(t).rowid ? 'rowid' : 'id');

/** A uuid-shaped name derived from what a row is: two analysts' "same" rows get the same uid. */
export function derivedUid(parts: ReadonlyArray<string | number | null>): string {
  const h = createHash('sha256').update(parts.map((p) => (p === null ? '\u0000' : String(p))).join('\u0001'), 'utf8').digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function refUid(db: DB, table: SyncTable, id: unknown): string | null {
  if (id === null || id === undefined) return null;
  return (prepared(db, `SELECT uid FROM ${table} WHERE ${idCol(table)} = ?`).pluck().get(id) as string | null | undefined) ?? null;
}

/** The uid a new row of `table` gets: derived from its key where the table has one, else random. */
export function uidFor(db: DB, table: string, row: Record<string, unknown>): string {
  if (!isSyncTable(table)) return randomUUID();
  const s = spec(table);
  if (!s.key) return randomUUID();
  const parts: Array<string | number | null> = [table];
  for (const col of s.key) {
    const ref = s.refs[col];
    const v = row[col] as string | number | null | undefined;
    parts.push(ref ? refUid(db, ref, v) : (v ?? null));
  }
  const uid = derivedUid(parts);
  // A derived uid already taken here (a document imported twice under different names): random.
  const taken = prepared(db, `SELECT 1 FROM ${table} WHERE uid = ?`).get(uid) !== undefined;
  return taken ? randomUUID() : uid;
}

/** A row of `t` as it travels, as one SQL json_object over the row named `side` (NEW, OLD, or a table alias). */
function wireJson(t: SyncTable, side: string): string {
  const s = spec(t);
  const parts = s.columns.map((c) => {
    const ref = s.refs[c];
    const v = ref ? `(SELECT uid FROM ${ref} WHERE ${idCol(ref)} = ${side}.${c})` : `${side}.${c}`;
    return `'${c}', ${v}`;
  });
  return `json_object(${parts.join(', ')})`;
}

/** (Re)creates the capture triggers from SYNC_TABLES; run by each migration that changes a shared column. */
export function installCaptureTriggers(db: DB): void {
  for (const t of SYNC_TABLE_NAMES) {
    const on = `WHEN (SELECT capture FROM sync_meta) = 1`;
    const journal = `INSERT INTO sync_journal (txn, label, tbl, row_id, uid, old, new) VALUES ((SELECT txn FROM sync_meta), (SELECT label FROM sync_meta), '${t}'`;
    db.exec(`
      DROP TRIGGER IF EXISTS sync_${t}_insert;
      DROP TRIGGER IF EXISTS sync_${t}_update;
      DROP TRIGGER IF EXISTS sync_${t}_delete;
      CREATE TRIGGER sync_${t}_insert AFTER INSERT ON ${t} ${on}
      BEGIN ${journal}, NEW.rowid, NEW.uid, NULL, ${wireJson(t, 'NEW')}); END;
      CREATE TRIGGER sync_${t}_update AFTER UPDATE ON ${t} ${on}
      BEGIN ${journal}, NEW.rowid, NEW.uid, ${wireJson(t, 'OLD')}, ${wireJson(t, 'NEW')}); END;
      CREATE TRIGGER sync_${t}_delete AFTER DELETE ON ${t} ${on}
      BEGIN ${journal}, OLD.rowid, OLD.uid, ${wireJson(t, 'OLD')}, NULL);
        INSERT INTO sync_high (tbl, high) VALUES ('${t}', OLD.rowid) ON CONFLICT (tbl) DO UPDATE SET high = max(high, excluded.high); END;
    `);
  }
}

export interface SyncMeta {
  capture: number;
  url: string | null;
  member: string | null;
  role: 'reader' | 'analyst' | 'editor' | null;
  workspace: string | null;
  pulled_seq: number;
  connected_at: string | null;
  last_sync_at: string | null;
  last_error: string | null;
}

interface JournalRow {
  id: number;
  txn: number;
  label: string | null;
  tbl: SyncTable;
  row_id: number;
  uid: string | null;
  old: string | null;
  new: string | null;
}

function sameRow(a: WireRow | null, b: WireRow | null): boolean {
  if (a === null || b === null) return a === b;
  for (const k of Object.keys(a)) if (a[k] !== b[k]) return false;
  for (const k of Object.keys(b)) if (a[k] !== b[k]) return false;
  return true;
}

/** One operation's changes from its journal rows: per row, its first before and its last after. */
function coalesce(rows: readonly JournalRow[]): WireChange[] {
  const byRow = new Map<string, WireChange>();
  for (const r of rows) {
    if (r.uid === null) continue;
    const k = `${r.tbl}\u0000${r.uid}`;
    const old = r.old === null ? null : (JSON.parse(r.old) as WireRow);
    const neu = r.new === null ? null : (JSON.parse(r.new) as WireRow);
    const seen = byRow.get(k);
    if (seen) seen.a = neu;
    else byRow.set(k, { t: r.tbl, u: r.uid, b: old, a: neu });
  }
  return [...byRow.values()].filter((c) => !(c.b === null && c.a === null) && !sameRow(c.b, c.a));
}

/** The local store's side of a workspace: its connection, journal, outbox, and applying what was pulled. */
export class SyncRepo {
  constructor(private readonly db: DB) {}

  meta(): SyncMeta {
    return prepared(this.db, 'SELECT capture, url, member, role, workspace, pulled_seq, connected_at, last_sync_at, last_error FROM sync_meta WHERE id = 1').get() as SyncMeta;
  }

  /** Each write transaction of the service starts a new operation (the journal groups by it). */
  nextTransaction(label: string): void {
    // Only in a workspace: a library in none writes nothing more per write.
    prepared(this.db, 'UPDATE sync_meta SET txn = txn + 1, label = ? WHERE id = 1 AND capture = 1').run(label.slice(0, 200));
  }

  /**
   * Joins a workspace: from now on every change is captured, and everything already here is queued
   * as creations (one operation per 500 rows, parents first), so the server learns this library.
   */
  join(url: string, workspace: string, member: string, role: SyncMeta['role']): number {
    return this.db.transaction(() => {
      const was = this.meta();
      prepared(this.db, 'UPDATE sync_meta SET url = ?, workspace = ?, member = ?, role = ?, connected_at = coalesce(connected_at, ?), last_error = NULL WHERE id = 1').run(
        url, workspace, member, role, new Date().toISOString(),
      );
      if (was.capture === 1 && was.workspace === workspace) return 0;
      // A different workspace starts afresh: nothing of the old one's cursor or queue carries over.
      prepared(this.db, 'UPDATE sync_meta SET capture = 1, pulled_seq = 0 WHERE id = 1').run();
      this.db.exec('DELETE FROM sync_journal; DELETE FROM sync_outbox; DELETE FROM sync_conflicts;');
      this.fillMissingUids();
      // Ids freed by deletions before joining may still be in this analyst's undo history.
      for (const t of SYNC_TABLE_NAMES) {
        if (spec(t).rowid) continue;
        const high = prepared(this.db, `SELECT max(json_extract(c.value, '$.id')) FROM operations o, json_each(o.changes) c WHERE json_extract(c.value, '$.table') = ?`).pluck().get(t) as number | null;
        if (high !== null) prepared(this.db, `INSERT INTO sync_high (tbl, high) VALUES (?, ?) ON CONFLICT (tbl) DO UPDATE SET high = max(high, excluded.high)`).run(t, high);
      }
      let queued = 0;
      for (const t of SYNC_TABLE_NAMES) {
        const ids = prepared(this.db, `SELECT ${idCol(t)} AS id FROM ${t} ORDER BY ${idCol(t)}`).pluck().all() as number[];
        for (let i = 0; i < ids.length; i += 500) {
          prepared(this.db, 'UPDATE sync_meta SET txn = txn + 1, label = ? WHERE id = 1').run(`joined with ${t}`);
          const chunk = ids.slice(i, i + 500);
          const select = prepared(this.db, `SELECT uid, ${wireJson(t, 'x')} AS row FROM ${t} x WHERE x.${idCol(t)} = ?`);
          const insert = prepared(this.db, `INSERT INTO sync_journal (txn, label, tbl, row_id, uid, old, new) VALUES ((SELECT txn FROM sync_meta), (SELECT label FROM sync_meta), ?, ?, ?, NULL, ?)`);
          for (const id of chunk) {
            const r = select.get(id) as { uid: string; row: string };
            insert.run(t, id, r.uid, r.row);
            queued++;
          }
        }
      }
      return queued;
    }).immediate();
  }

  /** Leaves the workspace: capture stops; the local data stays as it is. */
  leave(): void {
    this.db.transaction(() => {
      prepared(this.db, "UPDATE sync_meta SET capture = 0, url = NULL, workspace = NULL, member = NULL, role = NULL, pulled_seq = 0, connected_at = NULL WHERE id = 1").run();
      this.db.exec('DELETE FROM sync_journal; DELETE FROM sync_outbox;');
    }).immediate();
  }

  setRole(member: string, role: SyncMeta['role']): void {
    prepared(this.db, 'UPDATE sync_meta SET member = ?, role = ? WHERE id = 1').run(member, role);
  }

  noteResult(error: string | null): void {
    if (error === null) prepared(this.db, 'UPDATE sync_meta SET last_error = NULL, last_sync_at = ? WHERE id = 1').run(new Date().toISOString());
    else prepared(this.db, 'UPDATE sync_meta SET last_error = ? WHERE id = 1').run(error.slice(0, 500));
  }

  private fillMissingUids(): void {
    for (const t of SYNC_TABLE_NAMES) {
      const ids = prepared(this.db, `SELECT ${idCol(t)} FROM ${t} WHERE uid IS NULL`).pluck().all() as number[];
      for (const id of ids) {
        const row = prepared(this.db, `SELECT * FROM ${t} WHERE ${idCol(t)} = ?`).get(id) as Record<string, unknown>;
        prepared(this.db, `UPDATE ${t} SET uid = ? WHERE ${idCol(t)} = ?`).run(uidFor(this.db, t, row), id);
      }
    }
  }

  /** Turns the journal into outbox operations (one per local transaction); returns how many it made. */
  seal(): number {
    return this.db.transaction(() => {
      const rows = prepared(this.db, 'SELECT id, txn, label, tbl, row_id, uid, old, new FROM sync_journal ORDER BY id').all() as JournalRow[];
      if (rows.length === 0) return 0;
      const byTxn = new Map<number, JournalRow[]>();
      // A row written by a path that gave it no uid: named now, if it is still here.
      if (rows.some((r) => r.uid === null)) this.fillMissingUids();
      for (const r of rows) {
        if (r.uid === null) {
          r.uid = (prepared(this.db, `SELECT uid FROM ${r.tbl} WHERE ${idCol(r.tbl)} = ?`).pluck().get(r.row_id) as string | undefined) ?? null;
          if (r.uid !== null && r.new !== null) r.new = this.currentWire(r.tbl, r.uid) ?? r.new;
        }
        const list = byTxn.get(r.txn) ?? [];
        list.push(r);
        byTxn.set(r.txn, list);
      }
      const insert = prepared(this.db, 'INSERT INTO sync_outbox (uid, label, changes, created_at) VALUES (?, ?, ?, ?)');
      let made = 0;
      const now = new Date().toISOString();
      for (const list of byTxn.values()) {
        const changes = coalesce(list);
        if (changes.length === 0) continue;
        insert.run(randomUUID(), list[0]!.label || describe(changes), JSON.stringify(changes), now);
        made++;
      }
      prepared(this.db, 'DELETE FROM sync_journal WHERE id <= ?').run(rows[rows.length - 1]!.id);
      return made;
    }).immediate();
  }

  private currentWire(t: SyncTable, uid: string): string | null {
    return (prepared(this.db, `SELECT ${wireJson(t, 'x')} FROM ${t} x WHERE x.uid = ?`).pluck().get(uid) as string | undefined) ?? null;
  }

  /** Operations waiting to be pushed, oldest first. */
  outbox(limit: number): WireOp[] {
    const rows = prepared(this.db, 'SELECT uid, label, changes, created_at FROM sync_outbox ORDER BY id LIMIT ?').all(limit) as Array<{ uid: string; label: string; changes: string; created_at: string }>;
    return rows.map((r) => ({ uid: r.uid, label: r.label, at: r.created_at, changes: JSON.parse(r.changes) as WireChange[] }));
  }

  /** The server has them: they leave the outbox. */
  acknowledge(uids: readonly string[]): void {
    const del = prepared(this.db, 'DELETE FROM sync_outbox WHERE uid = ?');
    this.db.transaction(() => {
      for (const u of uids) del.run(u);
    }).immediate();
  }

  /** Local writes not yet on the server: sealed operations plus transactions still in the journal. */
  waiting(): number {
    const sealed = prepared(this.db, 'SELECT count(*) FROM sync_outbox').pluck().get() as number;
    const open = prepared(this.db, 'SELECT count(DISTINCT txn) FROM sync_journal').pluck().get() as number;
    return sealed + open;
  }

  /** The text (and blocks) of a document's text fingerprint, to send once to the server. */
  blob(textSha256: string): { text: string; blocks: string } | null {
    return (prepared(this.db, 'SELECT text, blocks FROM documents WHERE text_sha256 = ? LIMIT 1').get(textSha256) as { text: string; blocks: string } | undefined) ?? null;
  }

  /** Of these text fingerprints, the ones this store has no text for. */
  missingBlobs(hashes: readonly string[]): string[] {
    const has = prepared(this.db, 'SELECT 1 FROM documents WHERE text_sha256 = ? LIMIT 1');
    return [...new Set(hashes)].filter((h) => has.get(h) === undefined);
  }

  localId(t: SyncTable, uid: string): number | null {
    return (prepared(this.db, `SELECT ${idCol(t)} FROM ${t} WHERE uid = ?`).pluck().get(uid) as number | undefined) ?? null;
  }

  /**
   * Applies pulled operations in server order (the server's resulting rows, so every client ends
   * where the server is), records their conflicts, moves the cursor, then lays the writes still
   * waiting here over the result. One transaction; the capture triggers are quiet meanwhile.
   * Returns the ids of the documents and cases it touched.
   */
  applyPulled(ops: readonly PulledOp[], conflicts: readonly WireConflict[], blobs: ReadonlyMap<string, { text: string; blocks: string }>): { documents: Set<number>; cases: Set<number>; rows: number } {
    const touched = { documents: new Set<number>(), cases: new Set<number>(), rows: 0 };
    if (ops.length === 0 && conflicts.length === 0) return touched;
    this.db.transaction(() => {
      prepared(this.db, 'UPDATE sync_meta SET capture = 0 WHERE id = 1').run();
      for (const op of ops) {
        for (const r of op.applied) {
          if (this.setWire(r.t, r.u, r.row, blobs, touched)) touched.rows++;
        }
      }
      const pending: WireChange[] = [];
      for (const o of this.outbox(1_000_000)) pending.push(...o.changes);
      const journal = prepared(this.db, 'SELECT id, txn, label, tbl, row_id, uid, old, new FROM sync_journal ORDER BY id').all() as JournalRow[];
      pending.push(...coalesce(journal));
      for (const c of pending) this.overlay(c, blobs, touched);
      const insertConflict = prepared(
        this.db,
        `INSERT OR IGNORE INTO sync_conflicts (server_id, seq, tbl, uid, kind, field, kept, lost, winner, loser, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const c of conflicts) {
        insertConflict.run(c.id || null, c.seq, c.t, c.u, c.kind, c.field, c.kept === null ? null : String(c.kept), c.lost === null ? null : String(c.lost), c.winner, c.loser, c.at);
      }
      const last = ops.length ? ops[ops.length - 1]!.seq : null;
      if (last !== null) prepared(this.db, 'UPDATE sync_meta SET pulled_seq = max(pulled_seq, ?) WHERE id = 1').run(last);
      prepared(this.db, 'UPDATE sync_meta SET capture = 1 WHERE id = 1').run();
    }).immediate();
    return touched;
  }

  /** A waiting local change, laid again over what was pulled: only the fields it changed. */
  private overlay(c: WireChange, blobs: ReadonlyMap<string, { text: string; blocks: string }>, touched: { documents: Set<number>; cases: Set<number>; rows: number }): void {
    if (c.a === null) {
      this.setWire(c.t, c.u, null, blobs, touched);
      return;
    }
    const current = this.currentWire(c.t, c.u);
    if (current === null) {
      // Created here and not yet pushed: it comes back; changed here but deleted there: the server
      // decides when it arrives (and says so); nothing is restored meanwhile.
      if (c.b === null) this.setWire(c.t, c.u, c.a, blobs, touched);
      return;
    }
    const row = JSON.parse(current) as WireRow;
    for (const k of Object.keys(c.a)) if (c.b === null || c.b[k] !== c.a[k]) row[k] = c.a[k]!;
    this.setWire(c.t, c.u, row, blobs, touched);
  }

  /** Sets one row, named by its uid, to a wire image (null: deletes it). False when it could not be. */
  private setWire(
    t: SyncTable,
    uid: string,
    row: WireRow | null,
    blobs: ReadonlyMap<string, { text: string; blocks: string }>,
    touched: { documents: Set<number>; cases: Set<number> },
  ): boolean {
    const s = spec(t);
    const id = this.localId(t, uid);
    if (row === null) {
      if (id === null) return false;
      this.noteTouched(t, id, touched);
      prepared(this.db, `DELETE FROM ${t} WHERE ${idCol(t)} = ?`).run(id);
      return true;
    }
    const values: Record<string, string | number | null> = {};
    for (const col of s.columns) {
      const v = row[col] ?? null;
      const ref = s.refs[col];
      if (ref && v !== null) {
        const local = this.localId(ref, String(v));
        // Its parent is not here (deleted on this side, or refused): the row cannot stand.
        if (local === null) return false;
        values[col] = local;
      } else values[col] = v;
    }
    const cols = s.columns;
    try {
      if (id !== null) {
        prepared(this.db, `UPDATE ${t} SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE ${idCol(t)} = @__id`).run({ ...values, __id: id });
        this.noteTouched(t, id, touched);
        return true;
      }
      const extra: Record<string, string | number | null> = { uid };
      if (t === 'documents') {
        const blob = blobs.get(String(values.text_sha256)) ?? this.blob(String(values.text_sha256));
        if (!blob) return false;
        extra.text = blob.text;
        extra.blocks = blob.blocks;
      }
      if (!s.rowid) extra.id = this.nextId(t);
      const all = { ...values, ...extra };
      const names = Object.keys(all);
      const run = () => prepared(this.db, `INSERT INTO ${t} (${names.join(', ')}) VALUES (${names.map((n) => '@' + n).join(', ')})`).run(all);
      try {
        run();
      } catch (err) {
        // Two analysts named two cases alike: the one that came second here is told apart.
        if (t !== 'cases' || !/UNIQUE/.test(String(err))) throw err;
        all.name = `${String(all.name)} (${uid.slice(0, 4)})`;
        run();
      }
      const newId = this.localId(t, uid);
      if (newId !== null) this.noteTouched(t, newId, touched);
      return true;
    } catch (err) {
      if (/constraint/i.test(String(err))) return false;
      throw err;
    }
  }

  /** An id no local row and no row in this analyst's undo history has had. */
  private nextId(t: SyncTable): number {
    const max = prepared(this.db, `SELECT coalesce(max(id), 0) FROM ${t}`).pluck().get() as number;
    const high = (prepared(this.db, 'SELECT high FROM sync_high WHERE tbl = ?').pluck().get(t) as number | undefined) ?? 0;
    const id = Math.max(max, high) + 1;
    prepared(this.db, `INSERT INTO sync_high (tbl, high) VALUES (?, ?) ON CONFLICT (tbl) DO UPDATE SET high = max(high, excluded.high)`).run(t, id);
    return id;
  }

  private noteTouched(t: SyncTable, id: number, touched: { documents: Set<number>; cases: Set<number> }): void {
    if (t === 'cases') touched.cases.add(id);
    else if ((spec(t).columns as readonly string[]).includes('case_id')) {
      const c = prepared(this.db, `SELECT case_id FROM ${t} WHERE ${idCol(t)} = ?`).pluck().get(id) as number | undefined;
      if (c !== undefined) touched.cases.add(c);
    }
    const doc = this.documentOf(t, id);
    if (doc !== null) touched.documents.add(doc);
    // A flag accepted from a case spans documents: each of them shows it.
    if (t === 'flags') {
      for (const d of prepared(this.db, 'SELECT DISTINCT a.document_id FROM flag_members m JOIN annotations a ON a.id = m.annotation_id WHERE m.flag_id = ?').pluck().all(id) as number[]) touched.documents.add(d);
    }
  }

  /** The document a shared row belongs to, if it belongs to one. */
  documentOf(t: SyncTable, id: number): number | null {
    if (t === 'documents') return id;
    const s = spec(t);
    if ((s.columns as readonly string[]).includes('document_id')) {
      return (prepared(this.db, `SELECT document_id FROM ${t} WHERE ${idCol(t)} = ?`).pluck().get(id) as number | undefined) ?? null;
    }
    if (t === 'links') return (prepared(this.db, 'SELECT a.document_id FROM links l JOIN annotations a ON a.id = l.from_id WHERE l.id = ?').pluck().get(id) as number | undefined) ?? null;
    // A member's document is its claim's (a flag accepted from a case has members in several).
    if (t === 'flag_members') return (prepared(this.db, 'SELECT a.document_id FROM flag_members m JOIN annotations a ON a.id = m.annotation_id WHERE m.id = ?').pluck().get(id) as number | undefined) ?? null;
    return null;
  }

  /** Conflicts not yet dismissed, newest first. */
  conflicts(limit = 200): Array<{ id: number; tbl: SyncTable; uid: string; kind: WireConflict['kind']; field: string | null; kept: string | null; lost: string | null; winner: string; loser: string; at: string }> {
    return prepared(this.db, 'SELECT id, tbl, uid, kind, field, kept, lost, winner, loser, at FROM sync_conflicts WHERE seen = 0 ORDER BY seq DESC, id DESC LIMIT ?').all(limit) as never;
  }

  conflictCount(): number {
    return prepared(this.db, 'SELECT count(*) FROM sync_conflicts WHERE seen = 0').pluck().get() as number;
  }

  dismissConflict(id: number): boolean {
    return prepared(this.db, 'UPDATE sync_conflicts SET seen = 1 WHERE id = ?').run(id).changes > 0;
  }
}

function describe(changes: readonly WireChange[]): string {
  const tables = [...new Set(changes.map((c) => c.t))];
  return `${changes.length} change${changes.length === 1 ? '' : 's'} (${tables.join(', ')})`;
}

/** Every shared row as it travels, by table and uid: two libraries in one workspace compare equal. */
export function syncSnapshot(db: DB): Record<string, Record<string, WireRow>> {
  const out: Record<string, Record<string, WireRow>> = {};
  for (const t of SYNC_TABLE_NAMES) {
    const rows = prepared(db, `SELECT uid, ${wireJson(t, 'x')} AS row FROM ${t} x ORDER BY uid`).all() as Array<{ uid: string; row: string }>;
    out[t] = Object.fromEntries(rows.map((r) => [r.uid, JSON.parse(r.row) as WireRow]));
  }
  return out;
}
