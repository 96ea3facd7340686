import type { Source } from '../../common/domain';
import type { Row } from '../changes';
import { nameKey } from '../../common/selectors';
import { prepared, type DB } from '../connection';

// The sources table: the workspace-wide register of who is cited and how far to trust them.

interface SourceRow {
  id: number;
  name: string;
  type: Source['type'];
  aliases: string;
  reliability: Source['reliability'];
  note: string;
}

/** The one row mapper: a stored row, or a change's after image with its id. */
export function toSource(r: SourceRow): Source {
  return { id: r.id, name: r.name, type: r.type, aliases: JSON.parse(r.aliases) as string[], reliability: r.reliability, note: r.note };
}

export function sourceFromChange(id: number, row: Row): Source {
  return toSource({ ...(row as unknown as SourceRow), id });
}

export class SourceRepo {
  constructor(private readonly db: DB) {}

  list(): Source[] {
    return (prepared(this.db, 'SELECT * FROM sources ORDER BY name COLLATE NOCASE, id').all() as SourceRow[]).map(toSource);
  }

  get(id: number): Source | null {
    const r = prepared(this.db, 'SELECT * FROM sources WHERE id = ?').get(id) as SourceRow | undefined;
    return r ? toSource(r) : null;
  }

  /**
   * Another source with this name, compared as nameKey compares them (case, full-width forms and
   * invisible characters do not make a different source).
   */
  idByName(name: string, exceptId: number | null = null): number | null {
    const key = nameKey(name);
    const rows = prepared(this.db, 'SELECT id, name FROM sources').all() as Array<{ id: number; name: string }>;
    return rows.find((r) => r.id !== exceptId && nameKey(r.name) === key)?.id ?? null;
  }
}
