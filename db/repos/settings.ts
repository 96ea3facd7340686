import type { Settings } from '../../common/domain';
import { prepared, type DB } from '../connection';

// The settings table: the analyst's preferences, key and value, outside any document and its
// undo history. Keys are the fields of Settings; a key never written reads as its default.

const DEFAULTS: Settings = { analystName: '' };
const KEYS = Object.keys(DEFAULTS) as Array<keyof Settings>;

export class SettingsRepo {
  constructor(private readonly db: DB) {}

  /** Every setting, defaults filled in. */
  all(): Settings {
    const rows = prepared(this.db, 'SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
    const settings: Settings = { ...DEFAULTS };
    for (const r of rows) if ((KEYS as string[]).includes(r.key)) settings[r.key as keyof Settings] = r.value;
    return settings;
  }

  /** Writes the settings given (one statement each; call inside a transaction to write them together). */
  update(patch: Partial<Settings>, now: string): void {
    const upsert = prepared(
      this.db,
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    );
    for (const key of KEYS) {
      const value = patch[key];
      if (value !== undefined) upsert.run(key, value, now);
    }
  }
}
