import { createHash } from 'node:crypto';
import type { Block, DocumentRecord, DocumentSummary, Metadata } from '../../common/domain';
import { prepared, type DB } from '../connection';
import { uidFor } from '../sync';

/** The fingerprint of a document's text: sha256 of its UTF-8 bytes, hex. */
export function textFingerprint(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A stored text that no longer matches the fingerprint taken when it was imported. */
export class TamperedTextError extends Error {
  constructor(readonly documentId: number) {
    super(`document ${documentId}: its stored text no longer matches the fingerprint taken at import (the database file was changed outside Claimscope); restore it from a backup (claimscope restore) before you report on it`);
    this.name = 'TamperedTextError';
  }
}

// The documents table. A document's text never changes (a new version is a new row), so it is
// cached per id; the cache checks the row's sha256, so an id reused after a delete in another
// process never serves the old text.

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
  origin: 'file' | 'annotations';
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
  /** 'annotations': the text came from an annotation file, not from the document's own file. */
  origin?: 'file' | 'annotations';
}

const SUMMARY_COLUMNS = `d.id, d.title, d.path, d.format, d.imported_at, d.chars, d.version, d.previous_id, d.origin,
  (SELECT count(*) FROM annotations a WHERE a.document_id = d.id) AS annotation_count`;
/** The latest version: no other document names it as its previous one. */
const LATEST = 'NOT EXISTS (SELECT 1 FROM documents n WHERE n.previous_id = d.id)';

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
    ...(r.origin === 'annotations' ? { origin: r.origin } : {}),
  };
}

/** How many documents' texts stay in memory (the open one and the versions it is compared with). */
const CACHED_TEXTS = 4;

export class DocumentRepo {
  private texts = new Map<number, { sha256: string; text: string }>();
  constructor(private readonly db: DB) {}

  insert(doc: NewDocument): number {
    const info = prepared(
      this.db,
      `INSERT INTO documents (title, path, format, text, blocks, sha256, metadata, imported_at, version, previous_id, text_sha256, chars, origin, uid)
       VALUES (@title, @path, @format, @text, @blocks, @sha256, @metadata, @importedAt, @version, @previousId, @textSha256, @chars, @origin, @uid)`,
    ).run({
      uid: uidFor(this.db, 'documents', { sha256: doc.sha256 }),
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
      textSha256: textFingerprint(doc.text),
      chars: doc.text.length,
      origin: doc.origin ?? 'file',
    });
    return Number(info.lastInsertRowid);
  }

  delete(id: number): boolean {
    this.texts.delete(id);
    return prepared(this.db, 'DELETE FROM documents WHERE id = ?').run(id).changes > 0;
  }

  /** The library: the latest version of each document. */
  list(): DocumentSummary[] {
    const rows = prepared(this.db, `SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE ${LATEST} ORDER BY d.imported_at DESC, d.id DESC`).all() as DocumentRow[];
    return rows.map(toSummary);
  }

  exists(id: number): boolean {
    return prepared(this.db, 'SELECT 1 FROM documents WHERE id = ?').get(id) !== undefined;
  }

  summary(id: number): DocumentSummary | null {
    const r = prepared(this.db, `SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.id = ?`).get(id) as DocumentRow | undefined;
    return r ? toSummary(r) : null;
  }

  get(id: number): DocumentRecord | null {
    const r = prepared(this.db, `SELECT ${SUMMARY_COLUMNS}, d.text, d.blocks, d.sha256, d.metadata FROM documents d WHERE d.id = ?`).get(id) as
      | DocumentRow
      | undefined;
    if (!r) return null;
    this.remember(id, r.sha256, r.text);
    return {
      ...toSummary(r),
      text: r.text,
      blocks: JSON.parse(r.blocks) as Block[],
      sha256: r.sha256,
      metadata: JSON.parse(r.metadata) as Metadata,
    };
  }

  /** A document's metadata alone (author, publication date...). */
  metadata(id: number): Metadata | null {
    const raw = prepared(this.db, 'SELECT metadata FROM documents WHERE id = ?').pluck().get(id) as string | undefined;
    return raw === undefined ? null : (JSON.parse(raw) as Metadata);
  }

  /** The latest version among the documents whose `column` holds `value`. */
  private latestWhere(column: 'sha256' | 'text_sha256' | 'path', value: string): number | null {
    return (prepared(this.db, `SELECT id FROM documents d WHERE ${column} = ? AND ${LATEST} ORDER BY id DESC LIMIT 1`).pluck().get(value) as number | undefined) ?? null;
  }

  /** Plain text only, from the cache when this id's row is still the one cached. */
  text(id: number): string | null {
    const sha = prepared(this.db, 'SELECT sha256 FROM documents WHERE id = ?').pluck().get(id) as string | undefined;
    if (sha === undefined) return null;
    const hit = this.texts.get(id);
    if (hit && hit.sha256 === sha) {
      this.texts.delete(id);
      this.texts.set(id, hit);
      return hit.text;
    }
    const text = prepared(this.db, 'SELECT text FROM documents WHERE id = ?').pluck().get(id) as string;
    this.remember(id, sha, text);
    return text;
  }

  private remember(id: number, sha256: string, text: string): void {
    this.texts.delete(id);
    this.texts.set(id, { sha256, text });
    while (this.texts.size > CACHED_TEXTS) this.texts.delete(this.texts.keys().next().value!);
  }

  /**
   * Checks a document's text against the fingerprint taken at import; throws TamperedTextError
   * when they differ. Reads the text from the file, not from the cache.
   */
  verifyText(id: number): void {
    const r = prepared(this.db, 'SELECT text, text_sha256 FROM documents WHERE id = ?').get(id) as { text: string; text_sha256: string | null } | undefined;
    if (!r) return;
    if (r.text_sha256 !== null && textFingerprint(r.text) !== r.text_sha256) {
      this.texts.delete(id);
      throw new TamperedTextError(id);
    }
  }

  /** The latest document whose text has this fingerprint. */
  findByText(textSha256: string): number | null {
    return this.latestWhere('text_sha256', textSha256);
  }

  /** The fingerprint stored for a document's text. */
  textSha256(id: number): string | null {
    return (prepared(this.db, 'SELECT text_sha256 FROM documents WHERE id = ?').pluck().get(id) as string | null | undefined) ?? null;
  }

  findBySha(sha256: string): number | null {
    return this.latestWhere('sha256', sha256);
  }

  /** The latest version imported from a path, if any. */
  findLatestByPath(filePath: string): number | null {
    return this.latestWhere('path', filePath);
  }
}
