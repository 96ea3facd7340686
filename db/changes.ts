import { prepared, type DB } from './connection';
import { uidFor } from './sync';

// Row-level change recording: every write the service makes goes through a ChangeRecorder, which
// keeps each row's before and after image. The operation log stores those changes, so undo and
// redo are the same generic replay for every kind of action (tag, merge, flag edit...).

const AUTHORSHIP = ['created_by', 'changed_by', 'changed_at'] as const;

export const TRACKED_TABLES = {
  annotations: [
    'document_id', 'kind', 'start_offset', 'end_offset', 'exact', 'prefix', 'suffix',
    'status', 'credibility', 'note', 'orphan', 'created_at', 'changed_from', 'changed_in_version', 'uid', ...AUTHORSHIP,
  ],
  sources: ['name', 'type', 'aliases', 'reliability', 'note', 'created_at', 'uid', ...AUTHORSHIP],
  links: ['from_id', 'to_annotation_id', 'to_source_id', 'uid'],
  flags: ['document_id', 'explanation', 'status', 'note', 'created_at', 'uid', ...AUTHORSHIP],
  flag_members: ['flag_id', 'annotation_id', 'uid'],
  suggestions: ['document_id', 'type', 'key', 'payload', 'state', 'created_at'],
  assessments: ['document_id', 'verdict', 'summary', 'updated_at', 'uid', ...AUTHORSHIP],
  claim_groups: ['case_id', 'label', 'created_at', 'credibility', 'uid', ...AUTHORSHIP],
  claim_group_members: ['group_id', 'annotation_id', 'stance', 'uid'],
  hypotheses: ['case_id', 'label', 'position', 'created_at', 'uid'],
  ach_marks: ['hypothesis_id', 'group_id', 'mark', 'uid'],
  case_dismissals: ['case_id', 'signature', 'created_at', 'uid'],
} as const;
/** Columns every write fills in itself: who made a row, who changed it last and when. */
const STAMPED = new Set<string>(['uid', ...AUTHORSHIP]);
export type TrackedTable = keyof typeof TRACKED_TABLES;

export type Row = Record<string, string | number | null>;
export interface Change {
  table: TrackedTable;
  id: number;
  before: Row | null;
  after: Row | null;
}

const stmt = prepared;

function columnsOf(table: TrackedTable): readonly string[] {
  const cols = TRACKED_TABLES[table];
  if (!cols) throw new Error(`not a tracked table: ${table}`);
  return cols;
}

/** What a column missing from an image holds (an image recorded before the column existed, a bulk row). */
export function missingValue(column: string): string | null {
  return column === 'created_by' || column === 'changed_by' ? '' : null;
}

function pick(table: TrackedTable, row: Row): Row {
  const out: Row = {};
  for (const c of columnsOf(table)) out[c] = row[c] ?? missingValue(c);
  return out;
}

function selectRow(db: DB, table: TrackedTable, id: number): Row | null {
  const row = stmt(db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
  return row ? pick(table, row) : null;
}

function insertRow(db: DB, table: TrackedTable, row: Row, id?: number): number {
  const cols = columnsOf(table);
  const names = id === undefined ? cols : ['id', ...cols];
  const sql = `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((c) => '@' + c).join(', ')})`;
  const info = stmt(db, sql).run(id === undefined ? row : { ...row, id });
  return Number(info.lastInsertRowid);
}

function updateRow(db: DB, table: TrackedTable, id: number, row: Row): void {
  const cols = columnsOf(table);
  const sql = `UPDATE ${table} SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`;
  stmt(db, sql).run({ ...row, id });
}

function deleteRow(db: DB, table: TrackedTable, id: number): void {
  stmt(db, `DELETE FROM ${table} WHERE id = ?`).run(id);
}

/** Records every write of one operation. Use inside a transaction. */
export class ChangeRecorder {
  readonly changes: Change[] = [];
  /** `observe` sees each change as it is made (the store keeps what it caches in step). */
  constructor(
    private readonly db: DB,
    private readonly observe: (change: Change) => void = () => {},
    /** Who makes these writes (the analyst's name, or their name in the workspace). */
    private readonly author: string = '',
  ) {}

  private has(table: TrackedTable, column: string): boolean {
    return (columnsOf(table) as readonly string[]).includes(column);
  }

  insert(table: TrackedTable, values: Row): number {
    const row = pick(table, values);
    if (this.has(table, 'uid') && row.uid === null) row.uid = uidFor(this.db, table, row);
    if (this.has(table, 'created_by')) {
      row.created_by = this.author;
      row.changed_by = this.author;
      row.changed_at = new Date().toISOString();
    }
    const id = insertRow(this.db, table, row);
    const change = { table, id, before: null, after: row };
    this.changes.push(change);
    this.observe(change);
    return id;
  }

  update(table: TrackedTable, id: number, patch: Row): Row {
    const before = selectRow(this.db, table, id);
    if (!before) throw new Error(`${table} ${id} does not exist`);
    const after = { ...before, ...pick(table, { ...before, ...patch }) };
    if (this.has(table, 'changed_by') && Object.keys(patch).some((k) => !STAMPED.has(k) && patch[k] !== before[k])) {
      after.changed_by = this.author;
      after.changed_at = new Date().toISOString();
    }
    updateRow(this.db, table, id, after);
    const change = { table, id, before, after };
    this.changes.push(change);
    this.observe(change);
    return after;
  }

  delete(table: TrackedTable, id: number): void {
    const before = selectRow(this.db, table, id);
    if (!before) return;
    deleteRow(this.db, table, id);
    this.changes.push({ table, id, before, after: null });
  }
}

/** Rows that point at a row of each table; a replayed delete must never take them along silently. */
const REFERENCES: Partial<Record<TrackedTable, ReadonlyArray<{ table: TrackedTable; column: string; what: string }>>> = {
  annotations: [
    { table: 'links', column: 'from_id', what: 'a link' },
    { table: 'links', column: 'to_annotation_id', what: 'a link' },
    { table: 'flag_members', column: 'annotation_id', what: 'a flag' },
    { table: 'claim_group_members', column: 'annotation_id', what: 'a claim group' },
  ],
  sources: [{ table: 'links', column: 'to_source_id', what: 'a citation' }],
  flags: [{ table: 'flag_members', column: 'flag_id', what: 'a flag member' }],
  claim_groups: [
    { table: 'claim_group_members', column: 'group_id', what: 'a claim group member' },
    { table: 'ach_marks', column: 'group_id', what: 'a hypothesis mark' },
  ],
  hypotheses: [{ table: 'ach_marks', column: 'hypothesis_id', what: 'a hypothesis mark' }],
};

const NOUNS: Partial<Record<TrackedTable, string>> = { sources: 'a source', flags: 'a flag', claim_groups: 'a claim group', hypotheses: 'a hypothesis' };

/**
 * What each table's rows point at: a replayed row whose parent another history removed since (a
 * claim group member whose group the case's undo took away, then the document's undo bringing the
 * member back) is refused, not left to fail as a foreign key.
 */
const PARENTS: Partial<Record<TrackedTable, ReadonlyArray<{ column: string; table: string; what: string }>>> = {
  annotations: [{ column: 'document_id', table: 'documents', what: 'its document' }],
  links: [
    { column: 'from_id', table: 'annotations', what: 'its tag' },
    { column: 'to_annotation_id', table: 'annotations', what: 'its claim' },
    { column: 'to_source_id', table: 'sources', what: 'its source' },
  ],
  flags: [{ column: 'document_id', table: 'documents', what: 'its document' }],
  flag_members: [
    { column: 'flag_id', table: 'flags', what: 'its flag' },
    { column: 'annotation_id', table: 'annotations', what: 'its claim' },
  ],
  suggestions: [{ column: 'document_id', table: 'documents', what: 'its document' }],
  assessments: [{ column: 'document_id', table: 'documents', what: 'its document' }],
  claim_groups: [{ column: 'case_id', table: 'cases', what: 'its case' }],
  claim_group_members: [
    { column: 'group_id', table: 'claim_groups', what: 'its claim group' },
    { column: 'annotation_id', table: 'annotations', what: 'its claim' },
  ],
  hypotheses: [{ column: 'case_id', table: 'cases', what: 'its case' }],
  ach_marks: [
    { column: 'hypothesis_id', table: 'hypotheses', what: 'its hypothesis' },
    { column: 'group_id', table: 'claim_groups', what: 'its claim group' },
  ],
  case_dismissals: [{ column: 'case_id', table: 'cases', what: 'its case' }],
};

const RESTORED: Partial<Record<TrackedTable, string>> = {
  ...NOUNS,
  links: 'a link',
  flag_members: 'a flag member',
  suggestions: 'a suggestion',
  assessments: 'an assessment',
  claim_group_members: 'a claim group member',
  ach_marks: 'a hypothesis mark',
  case_dismissals: 'a dismissed suggestion',
};

/**
 * Thrown when undo or redo would delete a row that something made since (often in another
 * document) still uses, or bring back a row whose parent something since removed: the step is
 * refused whole instead of cascading that away unrecorded (or failing on a foreign key).
 */
export class ReplayConflictError extends Error {
  constructor(table: TrackedTable, what: string, direction: 'remove' | 'restore' | 'overwrite' = 'remove') {
    super(
      direction === 'remove'
        ? `it would remove ${NOUNS[table] ?? 'a tag'} that ${what} made since still uses; undo or remove that first`
        : direction === 'overwrite'
          ? `${RESTORED[table] ?? 'a tag'} it touched was changed since${what ? ` by ${what}` : ''}; it would overwrite that change, so edit it instead`
          : `it would bring back ${RESTORED[table] ?? 'a tag'} whose ${what.replace(/^its /, '')} was removed since; undo or redo that first`,
    );
    this.name = 'ReplayConflictError';
  }
}

function requireParents(db: DB, table: TrackedTable, row: Row): void {
  for (const p of PARENTS[table] ?? []) {
    const id = row[p.column];
    if (id !== null && id !== undefined && stmt(db, `SELECT 1 FROM ${p.table} WHERE id = ?`).get(id) === undefined) {
      throw new ReplayConflictError(table, p.what, 'restore');
    }
  }
}

function setRow(db: DB, table: TrackedTable, id: number, image: Row | null): void {
  // An image recorded before a migration added a column lacks it: that column was empty then.
  const row = image === null ? null : pick(table, image);
  const hasUid = (columnsOf(table) as readonly string[]).includes('uid');
  const found = stmt(db, `SELECT ${hasUid ? 'uid' : 'NULL'} AS replay_uid FROM ${table} WHERE id = ?`).get(id) as { replay_uid: string | number | null } | undefined;
  const exists = found !== undefined;
  if (hasUid && row !== null && exists) {
    // The id is another row's now (one a teammate made, after this one was deleted here): refuse.
    if (row.uid !== null && found.replay_uid !== null && row.uid !== found.replay_uid) throw new ReplayConflictError(table, 'its place', 'restore');
    if (row.uid === null) row.uid = found.replay_uid;
  }
  if (row === null) {
    if (!exists) return;
    for (const ref of REFERENCES[table] ?? []) {
      if (stmt(db, `SELECT 1 FROM ${ref.table} WHERE ${ref.column} = ? LIMIT 1`).get(id) !== undefined) throw new ReplayConflictError(table, ref.what);
    }
    deleteRow(db, table, id);
  } else if (exists) {
    requireParents(db, table, row);
    updateRow(db, table, id, row);
  } else {
    requireParents(db, table, row);
    insertRow(db, table, row, id);
  }
}

/**
 * A row the step leaves must still be as the step left it (a teammate's later change, pulled into
 * this library, or a step in another history): otherwise replaying would overwrite that change.
 */
function requireUnchanged(db: DB, table: TrackedTable, id: number, expected: Row | null): void {
  if (expected === null) return;
  const current = selectRow(db, table, id);
  if (current === null) return;
  const want = pick(table, expected);
  for (const c of columnsOf(table)) {
    if (STAMPED.has(c) || want[c] === current[c]) continue;
    throw new ReplayConflictError(table, typeof current.changed_by === 'string' ? current.changed_by : '', 'overwrite');
  }
}

/** Replays changes backwards to their before images (undo) or forwards to their after images (redo). */
export function replay(db: DB, changes: readonly Change[], direction: 'undo' | 'redo'): void {
  if (direction === 'undo') {
    for (let i = changes.length - 1; i >= 0; i--) {
      const c = changes[i]!;
      requireUnchanged(db, c.table, c.id, c.after);
      setRow(db, c.table, c.id, c.before);
    }
  } else {
    for (const c of changes) {
      requireUnchanged(db, c.table, c.id, c.before);
      setRow(db, c.table, c.id, c.after);
    }
  }
}
