import type { CaseSummary } from '../../common/domain';
import { randomUUID } from 'node:crypto';
import { prepared, type DB } from '../connection';
import { uidFor } from '../sync';

// The cases table and case_documents: a named set of documents, in the analyst's order. A case and
// its documents are filing, not evidence: written here, outside the operation log.

interface CaseRow {
  id: number;
  name: string;
  created_at: string;
}

/** The one row mapper: a case row with its documents' ids in order. */
function toCase(r: CaseRow, documentIds: number[]): CaseSummary {
  return { id: r.id, name: r.name, createdAt: r.created_at, documentIds };
}

export class CaseRepo {
  constructor(private readonly db: DB) {}

  insert(name: string, createdAt: string): number {
    return Number(prepared(this.db, 'INSERT INTO cases (name, created_at, uid) VALUES (?, ?, ?)').run(name, createdAt, randomUUID()).lastInsertRowid);
  }

  rename(id: number, name: string): void {
    prepared(this.db, 'UPDATE cases SET name = ? WHERE id = ?').run(name, id);
  }

  /** Deletes the case; its document list, claim groups (with members and marks), hypotheses and undo history go with it. */
  delete(id: number): boolean {
    return prepared(this.db, 'DELETE FROM cases WHERE id = ?').run(id).changes > 0;
  }

  exists(id: number): boolean {
    return prepared(this.db, 'SELECT 1 FROM cases WHERE id = ?').get(id) !== undefined;
  }

  /** The id of the case with this name (case-insensitive, as the unique index compares), or null. */
  idByName(name: string): number | null {
    const r = prepared(this.db, 'SELECT id FROM cases WHERE name = ? COLLATE NOCASE').get(name) as { id: number } | undefined;
    return r?.id ?? null;
  }

  get(id: number): CaseSummary | null {
    const r = prepared(this.db, 'SELECT id, name, created_at FROM cases WHERE id = ?').get(id) as CaseRow | undefined;
    return r ? toCase(r, this.documentIds(id)) : null;
  }

  list(): CaseSummary[] {
    const rows = prepared(this.db, 'SELECT id, name, created_at FROM cases ORDER BY name COLLATE NOCASE, id').all() as CaseRow[];
    const docs = prepared(this.db, 'SELECT case_id, document_id FROM case_documents ORDER BY case_id, position, document_id').all() as Array<{ case_id: number; document_id: number }>;
    const byCase = new Map<number, number[]>();
    for (const d of docs) {
      const list = byCase.get(d.case_id) ?? [];
      list.push(d.document_id);
      byCase.set(d.case_id, list);
    }
    return rows.map((r) => toCase(r, byCase.get(r.id) ?? []));
  }

  documentIds(caseId: number): number[] {
    return prepared(this.db, 'SELECT document_id FROM case_documents WHERE case_id = ? ORDER BY position, document_id').pluck().all(caseId) as number[];
  }

  /** Adds a document at the end of the case; false when it was already there. */
  addDocument(caseId: number, documentId: number): boolean {
    const next = (prepared(this.db, 'SELECT coalesce(max(position), -1) + 1 FROM case_documents WHERE case_id = ?').pluck().get(caseId) as number) ?? 0;
    if (prepared(this.db, 'SELECT 1 FROM case_documents WHERE case_id = ? AND document_id = ?').get(caseId, documentId) !== undefined) return false;
    const uid = uidFor(this.db, 'case_documents', { case_id: caseId, document_id: documentId });
    return prepared(this.db, 'INSERT INTO case_documents (case_id, document_id, position, uid) VALUES (?, ?, ?, ?)').run(caseId, documentId, next, uid).changes > 0;
  }

  removeDocument(caseId: number, documentId: number): boolean {
    return prepared(this.db, 'DELETE FROM case_documents WHERE case_id = ? AND document_id = ?').run(caseId, documentId).changes > 0;
  }

  /** The cases a document sits in. */
  casesOf(documentId: number): number[] {
    return prepared(this.db, 'SELECT case_id FROM case_documents WHERE document_id = ? ORDER BY case_id').pluck().all(documentId) as number[];
  }

  /** The signatures of the suggestions the analyst dismissed in a case (written through the ChangeRecorder). */
  dismissed(caseId: number): Set<string> {
    return new Set(prepared(this.db, 'SELECT signature FROM case_dismissals WHERE case_id = ?').pluck().all(caseId) as string[]);
  }

  /** The dismissal row of a suggestion's signature in a case, or null. */
  dismissal(caseId: number, signature: string): number | null {
    return (prepared(this.db, 'SELECT id FROM case_dismissals WHERE case_id = ? AND signature = ?').pluck().get(caseId, signature) as number | undefined) ?? null;
  }

  /** A document's new version takes its place in every case (an import, outside the operation log). */
  moveDocument(fromDocumentId: number, toDocumentId: number): void {
    prepared(this.db, 'UPDATE OR IGNORE case_documents SET document_id = ? WHERE document_id = ?').run(toDocumentId, fromDocumentId);
    prepared(this.db, 'DELETE FROM case_documents WHERE document_id = ?').run(fromDocumentId);
  }
}
