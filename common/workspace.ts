import { z } from 'zod';

// The team workspace's shared vocabulary (issue 15): which tables a workspace shares, their
// columns as they travel ("wire rows": a row's own id stays local, every row is named by its uid
// and every reference to another row by that row's uid), and the shapes the local store and the
// server exchange. Local SQL lives in db/sync.ts, the server's in main/sync/; both read this table.

export interface SyncTableSpec {
  /** Shared columns, without `id` and `uid`. */
  columns: readonly string[];
  /** Columns that point at another shared table's row: sent as that row's uid. */
  refs: Readonly<Record<string, string>>;
  /**
   * Columns that say what the row is, where two analysts making "the same" row must make one: its
   * uid is derived from them (db/sync.ts), so both copies share it and meet on the server.
   */
  key?: readonly string[];
  /** The table has no `id` column of its own (its rows are named by SQLite's rowid locally). */
  rowid?: boolean;
}

const AUTHORED = ['created_by', 'changed_by', 'changed_at'] as const;

/** Parents before children: the order a fresh copy is sent and applied in. */
export const SYNC_TABLES = {
  documents: {
    columns: ['title', 'format', 'sha256', 'text_sha256', 'chars', 'metadata', 'imported_at', 'version', 'previous_id', 'origin'],
    refs: { previous_id: 'documents' },
    key: ['sha256'],
  },
  cases: { columns: ['name', 'created_at'], refs: {} },
  case_documents: {
    columns: ['case_id', 'document_id', 'position'],
    refs: { case_id: 'cases', document_id: 'documents' },
    key: ['case_id', 'document_id'],
    rowid: true,
  },
  sources: { columns: ['name', 'type', 'aliases', 'reliability', 'note', 'created_at', ...AUTHORED], refs: {} },
  annotations: {
    columns: [
      'document_id', 'kind', 'start_offset', 'end_offset', 'exact', 'prefix', 'suffix', 'status', 'credibility', 'note',
      'orphan', 'created_at', 'changed_from', 'changed_in_version', ...AUTHORED,
    ],
    refs: { document_id: 'documents' },
  },
  links: {
    columns: ['from_id', 'to_annotation_id', 'to_source_id'],
    refs: { from_id: 'annotations', to_annotation_id: 'annotations', to_source_id: 'sources' },
    key: ['from_id', 'to_annotation_id', 'to_source_id'],
  },
  flags: { columns: ['document_id', 'explanation', 'status', 'note', 'created_at', ...AUTHORED], refs: { document_id: 'documents' } },
  flag_members: {
    columns: ['flag_id', 'annotation_id'],
    refs: { flag_id: 'flags', annotation_id: 'annotations' },
    key: ['flag_id', 'annotation_id'],
  },
  assessments: {
    columns: ['document_id', 'verdict', 'summary', 'updated_at', ...AUTHORED],
    refs: { document_id: 'documents' },
    key: ['document_id'],
  },
  claim_groups: { columns: ['case_id', 'label', 'created_at', 'credibility', ...AUTHORED], refs: { case_id: 'cases' } },
  claim_group_members: {
    columns: ['group_id', 'annotation_id', 'stance'],
    refs: { group_id: 'claim_groups', annotation_id: 'annotations' },
    key: ['group_id', 'annotation_id'],
  },
  hypotheses: { columns: ['case_id', 'label', 'position', 'created_at'], refs: { case_id: 'cases' } },
  ach_marks: {
    columns: ['hypothesis_id', 'group_id', 'mark'],
    refs: { hypothesis_id: 'hypotheses', group_id: 'claim_groups' },
    key: ['hypothesis_id', 'group_id'],
  },
  case_dismissals: { columns: ['case_id', 'signature', 'created_at'], refs: { case_id: 'cases' }, key: ['case_id', 'signature'] },
} as const satisfies Record<string, SyncTableSpec>;

export type SyncTable = keyof typeof SYNC_TABLES;
export const SYNC_TABLE_NAMES = Object.keys(SYNC_TABLES) as SyncTable[];

/** One shared table's spec, in its general shape. */
export function tableSpec(t: SyncTable): SyncTableSpec {
  return SYNC_TABLES[t];
}

/** Tables whose rows say who made them and who changed them last (stamped by the server in a workspace). */
export const AUTHORED_TABLES: readonly SyncTable[] = SYNC_TABLE_NAMES.filter((t) =>
  (SYNC_TABLES[t].columns as readonly string[]).includes('created_by'),
);

export function isSyncTable(name: string): name is SyncTable {
  return Object.hasOwn(SYNC_TABLES, name);
}

/**
 * Fields only an editor may change, as the server's trigger enforces them too: confirming or
 * dismissing a flag and a document's verdict. An analyst proposes; an editor decides.
 */
export const EDITOR_FIELDS: Readonly<Partial<Record<SyncTable, readonly string[]>>> = {
  flags: ['status'],
  assessments: ['verdict'],
};

const value = z.union([z.string(), z.number(), z.null()]);
export const WireRowSchema = z.record(z.string(), value);
export type WireRow = z.infer<typeof WireRowSchema>;

/** One row's change in an operation: before null is a creation, after null a deletion. */
export const WireChangeSchema = z.object({
  t: z.enum(SYNC_TABLE_NAMES as [SyncTable, ...SyncTable[]]),
  u: z.string().min(1).max(64),
  b: WireRowSchema.nullable(),
  a: WireRowSchema.nullable(),
});
export type WireChange = z.infer<typeof WireChangeSchema>;

/** One local write (a transaction), pushed with its own uuid so a retried push never applies twice. */
export const WireOpSchema = z.object({
  uid: z.string().uuid(),
  label: z.string().max(200),
  at: z.string(),
  changes: z.array(WireChangeSchema),
});
export type WireOp = z.infer<typeof WireOpSchema>;

/** What the server made of an operation: each row as it now stands there (null: deleted or refused). */
export interface AppliedRow {
  t: SyncTable;
  u: string;
  row: WireRow | null;
}

export type ConflictKind = 'concurrent_edit' | 'edit_of_deleted' | 'missing_parent' | 'refused';

/** A decision the server made between two analysts' writes, recorded and shown, never silent. */
export interface WireConflict {
  id: number;
  seq: number;
  t: SyncTable;
  u: string;
  kind: ConflictKind;
  field: string | null;
  /** The value that stands (the winner's). */
  kept: string | number | null;
  /** The value that lost, kept here as history. */
  lost: string | number | null;
  winner: string;
  loser: string;
  at: string;
}

export interface PulledOp {
  seq: number;
  uid: string;
  author: string;
  at: string;
  label: string;
  applied: AppliedRow[];
}

export type SyncState = 'local' | 'connected' | 'syncing' | 'offline';

/** The workspace as the status bar and `workspace status` show it. */
export const WorkspaceStatusSchema = z.object({
  state: z.enum(['local', 'connected', 'syncing', 'offline']),
  /** The server, without its password. */
  server: z.string().nullable(),
  member: z.string().nullable(),
  role: z.enum(['reader', 'analyst', 'editor']).nullable(),
  /** Local writes not yet on the server. */
  waiting: z.number().int(),
  pulledSeq: z.number().int(),
  lastSyncAt: z.string().nullable(),
  lastError: z.string().nullable(),
  conflicts: z.number().int(),
});
export type WorkspaceStatus = z.infer<typeof WorkspaceStatusSchema>;

/** A conflict as the panel shows it next to the record it concerns. */
export const SyncConflictSchema = z.object({
  id: z.number().int(),
  table: z.string(),
  /** The local record it concerns, when it is still here. */
  recordId: z.number().int().nullable(),
  documentId: z.number().int().nullable(),
  kind: z.enum(['concurrent_edit', 'edit_of_deleted', 'missing_parent', 'refused']),
  field: z.string().nullable(),
  kept: z.union([z.string(), z.number(), z.null()]),
  lost: z.union([z.string(), z.number(), z.null()]),
  winner: z.string(),
  loser: z.string(),
  at: z.string(),
  message: z.string(),
});
export type SyncConflict = z.infer<typeof SyncConflictSchema>;

const FIELD_WORDS: Record<string, string> = {
  note: 'note', status: 'status', credibility: 'grade', reliability: 'grade', verdict: 'verdict', summary: 'summary',
  label: 'label', explanation: 'explanation', name: 'name', stance: 'stance', mark: 'mark', type: 'type',
};
const RECORD_WORDS: Record<string, string> = {
  annotations: 'tag', sources: 'source', flags: 'flag', assessments: 'assessment', claim_groups: 'claim group',
  cases: 'case', documents: 'document', links: 'link', hypotheses: 'hypothesis', ach_marks: 'hypothesis mark',
  claim_group_members: 'claim group member', flag_members: 'flag member', case_documents: 'case document', case_dismissals: 'dismissal',
};

function quoted(v: string | number | null): string {
  if (v === null || v === '') return 'nothing';
  const s = String(v);
  return `"${s.length > 60 ? s.slice(0, 57) + '…' : s}"`;
}

/** One sentence for a conflict, from the point of view of `me`. */
export function conflictMessage(c: Pick<SyncConflict, 'table' | 'kind' | 'field' | 'kept' | 'lost' | 'winner' | 'loser'>, me: string | null): string {
  const what = RECORD_WORDS[c.table] ?? 'record';
  const field = c.field ? (FIELD_WORDS[c.field] ?? c.field.replace(/_/g, ' ')) : what;
  const winner = c.winner === me ? 'you' : c.winner;
  const loser = c.loser === me ? 'your' : `${c.loser}'s`;
  switch (c.kind) {
    case 'concurrent_edit':
      if (c.loser === me) return `${winner} changed the ${field} of this ${what} while you edited it: ${quoted(c.kept)} stands; yours, ${quoted(c.lost)}, is kept in its history`;
      if (c.winner === me) return `You and ${c.loser} changed the ${field} of this ${what} at the same time: yours, ${quoted(c.kept)}, came last and stands; ${c.loser}'s, ${quoted(c.lost)}, is kept in its history`;
      return `${c.winner} and ${c.loser} changed the ${field} of this ${what} at the same time: ${c.winner}'s ${quoted(c.kept)} stands; ${loser} ${quoted(c.lost)} is kept in its history`;
    case 'edit_of_deleted':
      return `${winner === 'you' ? 'You' : winner} deleted this ${what}; ${loser} change of its ${field} was not applied and nothing was restored`;
    case 'missing_parent':
      return `${loser === 'your' ? 'Your' : loser} new ${what} was not kept: what it belongs to was deleted by ${winner === 'you' ? 'you' : winner}`;
    case 'refused':
      return `The workspace refused ${loser} change of this ${what}${c.field ? ` (${field})` : ''}: ${String(c.kept ?? 'not allowed for your role')}`;
  }
}

/** The service's view of the link to the workspace (main/sync implements it; the wiring hands it in). */
export interface WorkspaceLink {
  status(): WorkspaceStatus;
  connect(url: string): Promise<WorkspaceStatus>;
  sync(): Promise<{ pushed: number; pulled: number; conflicts: number; refused: number }>;
  leave(): Promise<void>;
}
