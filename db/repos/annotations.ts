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
}

export class AnnotationRepo {
  constructor(private readonly db: DB) {}

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
    return prepared(
      this.db,
      `SELECT id FROM annotations WHERE document_id = ? AND kind = ? AND orphan = 0
       AND start_offset < ? AND end_offset > ? ORDER BY start_offset, id`,
    )
      .pluck()
      .all(documentId, kind, end, start) as number[];
  }

  /**
   * Moves an annotation onto another document (a new version), outside the operation log: a new
   * version is an import, not an undoable edit.
   */
  place(id: number, p: Placement): void {
    prepared(
      this.db,
      `UPDATE annotations SET document_id = @doc, start_offset = @start, end_offset = @end,
         exact = @exact, prefix = @prefix, suffix = @suffix, orphan = @orphan WHERE id = @id`,
    ).run({ id, doc: p.documentId, start: p.start, end: p.end, exact: p.exact, prefix: p.prefix, suffix: p.suffix, orphan: p.orphan ? 1 : 0 });
  }
}
