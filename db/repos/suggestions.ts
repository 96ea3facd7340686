import type { StoredSuggestion, SuggestionBody } from '../../common/domain';
import type { Row } from '../changes';
import { prepared, type DB } from '../connection';

// The suggestions table: what the assistant proposed for a document, and the analyst's answer.

interface SuggestionRow {
  id: number;
  state: StoredSuggestion['state'];
  payload: string;
}

/** The one row mapper: a stored row, or a change's after image with its id. */
export function toStoredSuggestion(r: SuggestionRow): StoredSuggestion {
  return { id: r.id, state: r.state, suggestion: JSON.parse(r.payload) as SuggestionBody };
}

export function suggestionFromChange(id: number, row: Row): StoredSuggestion {
  return toStoredSuggestion({ ...(row as unknown as SuggestionRow), id });
}

export class SuggestionRepo {
  constructor(private readonly db: DB) {}

  /** Stores suggestions not seen before, by key; those already answered keep their state. */
  insertNew(documentId: number, suggestions: ReadonlyArray<{ type: string; key: string; body: SuggestionBody }>): void {
    const insert = prepared(
      this.db,
      `INSERT INTO suggestions (document_id, type, key, payload, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (document_id, key) DO NOTHING`,
    );
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const s of suggestions) insert.run(documentId, s.type, s.key, JSON.stringify(s.body), now);
    }).immediate();
  }

  pending(documentId: number): StoredSuggestion[] {
    const rows = prepared(this.db, `SELECT id, state, payload FROM suggestions WHERE document_id = ? AND state = 'pending' ORDER BY id`).all(
      documentId,
    ) as SuggestionRow[];
    return rows.map(toStoredSuggestion);
  }
}
