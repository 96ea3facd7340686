import { openDatabase, type OpenOptions } from '../db/open';
import { createRouter, type Dispatch } from './router';
import { createService, type ServiceOptions } from './service';
import type { Handlers } from '../common/api';
import type { DB } from '../db/open';

export interface App {
  db: DB;
  service: Handlers;
  dispatch: Dispatch;
  close(): void;
}

/** Opens the database and wires service and router: what every transport starts with. */
export function openApp(dbPath: string, options: OpenOptions & ServiceOptions = {}): App {
  const db = openDatabase(dbPath, options);
  const service = createService(db, options);
  return {
    db,
    service,
    dispatch: createRouter(service),
    close: () => {
      if (db.open) db.close();
    },
  };
}

/** One line for a person, whatever was thrown. */
export function oneLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0]!;
}
