import type { Annotation, Block, DocumentRecord, DocumentSummary, Flag, Link, Metadata, Source } from '../common/domain';
import type { Change } from './changes';
import type { DB, Stmt } from './open';

// Reads, and the writes that are not undoable (documents, the operation log). Undoable writes go
// through ChangeRecorder in db/changes.ts.

interface DocumentRow {
  id: number;
  title: string;
  path: string | null;
  format: string;
  text: string;
  blocks: string;
  sha256: string;
  metadata: string;
  imported_at: string;
  chars: number;
  annotation_count: number;
  version: number;
  previous_id: number | null;
}

interface AnnotationRow {
  id: number;
  document_id: number;
  kind: Annotation['kind'];
  start_offset: number;
  end_offset: number;
  exact: string;
  prefix: string;
  suffix: string;
  status: Annotation['status'];
  credibility: number | null;
  note: string;
  orphan: number;
  created_at: string;
}

export interface NewDocument {
  title: string;
  path: string | null;
  format: string;
  text: string;
  blocks: Block[];
  sha256: string;
  metadata: Metadata;
  previousId?: number | null;
  version?: number;
}

export interface OperationRow {
  id: number;
  document_id: number | null;
  label: string;
  changes: string;
  state: 'done' | 'undone' | 'discarded';
}

const SUMMARY_COLUMNS = `d.id, d.title, d.path, d.format, d.imported_at, length(d.text) AS chars, d.version, d.previous_id,
  (SELECT count(*) FROM annotations a WHERE a.document_id = d.id) AS annotation_count`;

function toSummary(r: DocumentRow): DocumentSummary {
  return {
    id: r.id,
    title: r.title,
    path: r.path,
    format: r.format,
    chars: r.chars,
    importedAt: r.imported_at,
    annotationCount: r.annotation_count,
    version: r.version,
    previousId: r.previous_id,
  };
}

export function toAnnotation(r: AnnotationRow): Annotation {
  return {
    id: r.id,
    documentId: r.document_id,
    kind: r.kind,
    start: r.start_offset,
    end: r.end_offset,
    exact: r.exact,
    prefix: r.prefix,
    suffix: r.suffix,
    status: r.status,
    credibility: r.credibility,
    note: r.note,
    orphan: r.orphan === 1,
    createdAt: r.created_at,
  };
}

export class Store {
  constructor(readonly db: DB) {}

  private prepared = new Map<string, Stmt>();
  private q(sql: string): Stmt {
    let s = this.prepared.get(sql);
    if (!s) this.prepared.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  insertDocument(doc: NewDocument): number {
    const info = this.q(
      `INSERT INTO documents (title, path, format, text, blocks, sha256, metadata, imported_at, version, previous_id)
       VALUES (@title, @path, @format, @text, @blocks, @sha256, @metadata, @importedAt, @version, @previousId)`,
    ).run({
      title: doc.title,
      path: doc.path,
      format: doc.format,
      text: doc.text,
      blocks: JSON.stringify(doc.blocks),
      sha256: doc.sha256,
      metadata: JSON.stringify(doc.metadata),
      importedAt: new Date().toISOString(),
      version: doc.version ?? 1,
      previousId: doc.previousId ?? null,
    });
    return Number(info.lastInsertRowid);
  }

  deleteDocument(id: number): boolean {
    return this.q('DELETE FROM documents WHERE id = ?').run(id).changes > 0;
  }

  /** The library: the latest version of each document. */
  listDocuments(): DocumentSummary[] {
    const rows = this.q(
      `SELECT ${SUMMARY_COLUMNS} FROM documents d
       WHERE NOT EXISTS (SELECT 1 FROM documents n WHERE n.previous_id = d.id)
       ORDER BY d.imported_at DESC, d.id DESC`,
    ).all() as DocumentRow[];
    return rows.map(toSummary);
  }

  getSummary(id: number): DocumentSummary | null {
    const r = this.q(`SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.id = ?`).get(id) as DocumentRow | undefined;
    return r ? toSummary(r) : null;
  }

  getDocument(id: number): DocumentRecord | null {
    const r = this.q(
      `SELECT ${SUMMARY_COLUMNS}, d.text, d.blocks, d.sha256, d.metadata FROM documents d WHERE d.id = ?`,
    ).get(id) as DocumentRow | undefined;
    if (!r) return null;
    return {
      ...toSummary(r),
      text: r.text,
      blocks: JSON.parse(r.blocks) as Block[],
      sha256: r.sha256,
      metadata: JSON.parse(r.metadata) as Metadata,
    };
  }

  /** Plain text only: for the handlers that need offsets checked or quotes cut. */
  getDocumentText(id: number): string | null {
    const r = this.q('SELECT text FROM documents WHERE id = ?').get(id) as { text: string } | undefined;
    return r ? r.text : null;
  }

  findDocumentBySha(sha256: string): number | null {
    const r = this.q(
      'SELECT id FROM documents d WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM documents n WHERE n.previous_id = d.id) ORDER BY id DESC LIMIT 1',
    ).get(sha256) as
      | { id: number }
      | undefined;
    return r ? r.id : null;
  }

  /** The latest version imported from a path, if any. */
  findLatestByPath(filePath: string): number | null {
    const r = this.q(
      `SELECT id FROM documents d WHERE path = ? AND NOT EXISTS (SELECT 1 FROM documents n WHERE n.previous_id = d.id)
       ORDER BY id DESC LIMIT 1`,
    ).get(filePath) as { id: number } | undefined;
    return r ? r.id : null;
  }

  listAnnotations(documentId: number): Annotation[] {
    const rows = this.q('SELECT * FROM annotations WHERE document_id = ? ORDER BY start_offset, id').all(
      documentId,
    ) as AnnotationRow[];
    return rows.map(toAnnotation);
  }

  getAnnotation(id: number): Annotation | null {
    const r = this.q('SELECT * FROM annotations WHERE id = ?').get(id) as AnnotationRow | undefined;
    return r ? toAnnotation(r) : null;
  }

  listLinks(documentId: number): Link[] {
    return this.q(
      `SELECT l.id, l.from_id AS fromId, l.to_annotation_id AS toAnnotationId, l.to_source_id AS toSourceId
       FROM links l JOIN annotations a ON a.id = l.from_id WHERE a.document_id = ? ORDER BY l.id`,
    ).all(documentId) as Link[];
  }

  listFlags(documentId: number): Flag[] {
    const flags = this.q('SELECT id, document_id, explanation, status, note FROM flags WHERE document_id = ? ORDER BY id').all(
      documentId,
    ) as Array<{ id: number; document_id: number; explanation: string; status: Flag['status']; note: string }>;
    const members = this.q(
      `SELECT m.flag_id, m.annotation_id FROM flag_members m JOIN flags f ON f.id = m.flag_id
       WHERE f.document_id = ? ORDER BY m.id`,
    ).all(documentId) as Array<{ flag_id: number; annotation_id: number }>;
    const byFlag = new Map<number, number[]>();
    for (const m of members) {
      const list = byFlag.get(m.flag_id) ?? [];
      list.push(m.annotation_id);
      byFlag.set(m.flag_id, list);
    }
    return flags.map((f) => ({
      id: f.id,
      documentId: f.document_id,
      explanation: f.explanation,
      status: f.status,
      note: f.note,
      memberIds: byFlag.get(f.id) ?? [],
    }));
  }

  listSources(): Source[] {
    const rows = this.q('SELECT id, name, type, aliases, reliability, note FROM sources ORDER BY name COLLATE NOCASE, id').all() as Array<
      Omit<Source, 'aliases'> & { aliases: string }
    >;
    return rows.map((r) => ({ ...r, aliases: JSON.parse(r.aliases) as string[] }));
  }

  // The operation log: one row per undoable action, with its row changes.

  recordOperation(documentId: number | null, label: string, changes: readonly Change[]): number {
    // A new action after undo makes the undone ones unreachable; keep them for the audit trail.
    this.q(`UPDATE operations SET state = 'discarded' WHERE document_id IS ? AND state = 'undone'`).run(documentId);
    const info = this.q(
      `INSERT INTO operations (document_id, label, changes, created_at) VALUES (?, ?, ?, ?)`,
    ).run(documentId, label, JSON.stringify(changes), new Date().toISOString());
    return Number(info.lastInsertRowid);
  }

  lastDoneOperation(documentId: number): OperationRow | null {
    return (
      (this.q(`SELECT * FROM operations WHERE document_id = ? AND state = 'done' ORDER BY id DESC LIMIT 1`).get(
        documentId,
      ) as OperationRow | undefined) ?? null
    );
  }

  firstUndoneOperation(documentId: number): OperationRow | null {
    return (
      (this.q(`SELECT * FROM operations WHERE document_id = ? AND state = 'undone' ORDER BY id ASC LIMIT 1`).get(
        documentId,
      ) as OperationRow | undefined) ?? null
    );
  }

  setOperationState(id: number, state: OperationRow['state']): void {
    this.q('UPDATE operations SET state = ? WHERE id = ?').run(state, id);
  }
}
