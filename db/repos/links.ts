import type { Link } from '../../common/domain';
import type { Row } from '../changes';
import { prepared, type DB } from '../connection';

// The links table: an annotation citing a source, or an attribution covering a claim.

interface LinkRow {
  id: number;
  from_id: number;
  to_annotation_id: number | null;
  to_source_id: number | null;
}

/** The one row mapper: a stored row, or a change's after image with its id. */
export function toLink(r: LinkRow): Link {
  return { id: r.id, fromId: r.from_id, toAnnotationId: r.to_annotation_id, toSourceId: r.to_source_id };
}

export function linkFromChange(id: number, row: Row): Link {
  return toLink({ ...(row as unknown as LinkRow), id });
}

export class LinkRepo {
  constructor(private readonly db: DB) {}

  /** The links from a document's annotations. */
  listForDocument(documentId: number): Link[] {
    const rows = prepared(
      this.db,
      'SELECT l.* FROM links l JOIN annotations a ON a.id = l.from_id WHERE a.document_id = ? ORDER BY l.id',
    ).all(documentId) as LinkRow[];
    return rows.map(toLink);
  }

  /** Ids of the links from one annotation to another (at most one, unless an old database doubled it). */
  between(fromId: number, toAnnotationId: number): number[] {
    return prepared(this.db, 'SELECT id FROM links WHERE from_id = ? AND to_annotation_id = ? ORDER BY id').pluck().all(fromId, toAnnotationId) as number[];
  }

  isLinked(fromId: number, toAnnotationId: number): boolean {
    return prepared(this.db, 'SELECT 1 FROM links WHERE from_id = ? AND to_annotation_id = ?').get(fromId, toAnnotationId) !== undefined;
  }

  /** Ids of every link from or to an annotation. */
  touching(annotationId: number): number[] {
    return prepared(this.db, 'SELECT id FROM links WHERE from_id = ? OR to_annotation_id = ? ORDER BY id').pluck().all(annotationId, annotationId) as number[];
  }

  /** The links citing a source. */
  citing(sourceId: number): Link[] {
    return (prepared(this.db, 'SELECT * FROM links WHERE to_source_id = ? ORDER BY id').all(sourceId) as LinkRow[]).map(toLink);
  }

  /** The sources an annotation cites, as its links. */
  citationsOf(annotationId: number): Link[] {
    return (
      prepared(this.db, 'SELECT * FROM links WHERE from_id = ? AND to_source_id IS NOT NULL ORDER BY id').all(annotationId) as LinkRow[]
    ).map(toLink);
  }

  cites(annotationId: number, sourceId: number): boolean {
    return prepared(this.db, 'SELECT 1 FROM links WHERE from_id = ? AND to_source_id = ?').get(annotationId, sourceId) !== undefined;
  }
}
