import type { Annotation, AnnotationKind } from '../../common/domain';
import type { Row } from '../changes';
import { prepared, type DB } from '../connection';

// The annotations table: claims, attributions and the kinds to come, with their selectors.

export interface AnnotationRow {
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
  changed_from: string | null;
  changed_in_version: number | null;
  created_by?: string | null;
  changed_by?: string | null;
}

/** The one row mapper: a stored row, or a change's after image with its id. */
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
    changedFrom: r.changed_from ?? null,
    changedInVersion: r.changed_in_version ?? null,
    ...(r.created_by ? { createdBy: r.created_by } : {}),
    ...(r.changed_by ? { changedBy: r.changed_by } : {}),
  };
}

export function annotationFromChange(id: number, row: Row): Annotation {
  return toAnnotation({ ...(row as unknown as AnnotationRow), id });
}

export interface Placement {
  documentId: number;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  orphan: boolean;
  /** The words it had, when the new version's differ (with the version that changed them). */
  changed?: { from: string; inVersion: number };
}

export class AnnotationRepo {
  /**
   * The longest annotation of each document, so an overlap query can start its index scan at
   * `start - longest` instead of at the top of the document. Valid while PRAGMA data_version (which
   * moves when another connection commits) stays put; this connection's own writes raise it
   * through noteLength.
   */
  private longest = new Map<number, number>();
  private seenVersion = -1;

  constructor(private readonly db: DB) {}

  private longestOf(documentId: number): number {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (version !== this.seenVersion) {
      this.longest.clear();
      this.seenVersion = version;
    }
    let m = this.longest.get(documentId);
    if (m === undefined) {
      m = (prepared(this.db, 'SELECT max(end_offset - start_offset) FROM annotations WHERE document_id = ?').pluck().get(documentId) as number | null) ?? 0;
      this.longest.set(documentId, m);
    }
    return m;
  }

  /** A write of this connection made an annotation this long in a document. */
  noteLength(documentId: number, length: number): void {
    const m = this.longest.get(documentId);
    if (m !== undefined && length > m) this.longest.set(documentId, length);
  }

  /** Rows changed outside the change recorder (undo, redo, a new version): measure again. */
  forgetLengths(): void {
    this.longest.clear();
  }

  list(documentId: number): Annotation[] {
    const rows = prepared(this.db, 'SELECT * FROM annotations WHERE document_id = ? ORDER BY start_offset, id').all(documentId) as AnnotationRow[];
    return rows.map(toAnnotation);
  }

  get(id: number): Annotation | null {
    const r = prepared(this.db, 'SELECT * FROM annotations WHERE id = ?').get(id) as AnnotationRow | undefined;
    return r ? toAnnotation(r) : null;
  }

  /** The document an annotation belongs to, or null when it does not exist. */
  documentOf(id: number): number | null {
    return (prepared(this.db, 'SELECT document_id FROM annotations WHERE id = ?').pluck().get(id) as number | undefined) ?? null;
  }

  /** Ids of the (anchored) annotations of one kind that overlap [start, end), in text order. */
  overlapping(documentId: number, kind: AnnotationKind, start: number, end: number): number[] {
    // No annotation starting before start - longest can reach start: the index scan begins there.
    const from = start - this.longestOf(documentId);
    return prepared(
      this.db,
      `SELECT id FROM annotations WHERE document_id = ? AND start_offset >= ? AND start_offset < ?
       AND kind = ? AND orphan = 0 AND end_offset > ? ORDER BY start_offset, id`,
    )
      .pluck()
      .all(documentId, from, end, kind, start) as number[];
  }

  /**
   * Moves an annotation onto another document (a new version), outside the operation log: a new
   * version is an import, not an undoable edit.
   */
  place(id: number, p: Placement): void {
    this.longest.delete(p.documentId);
    prepared(
      this.db,
      `UPDATE annotations SET document_id = @doc, start_offset = @start, end_offset = @end,
         exact = @exact, prefix = @prefix, suffix = @suffix, orphan = @orphan,
         changed_from = coalesce(@changedFrom, changed_from), changed_in_version = coalesce(@changedIn, changed_in_version) WHERE id = @id`,
    ).run({
      id,
      doc: p.documentId,
      start: p.start,
      end: p.end,
      exact: p.exact,
      prefix: p.prefix,
      suffix: p.suffix,
      orphan: p.orphan ? 1 : 0,
      changedFrom: p.changed?.from ?? null,
      changedIn: p.changed?.inVersion ?? null,
    });
  }
}
