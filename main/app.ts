import path from 'node:path';
import { openDatabase, type OpenOptions } from '../db/open';
import { createRouter, type Dispatch } from './router';
import { createService, type ServiceOptions } from './service';
import { AssistantWorker } from './service/assistant';
import type { Client, Handlers } from '../common/api';
import { ClaimscopeError } from '../common/errors';
import { METHOD_NAMES, type MethodName } from '../common/methods';
import type { DB } from '../db/open';

export interface App {
  db: DB;
  service: Handlers;
  /** The transports' entry: any method name, any input, validated by the router. */
  dispatch: Dispatch;
  /** The same router, typed: what the CLI, Electron's main process and tests call. Errors throw ClaimscopeError. */
  client: Client;
  close(): void;
}

/** A typed client over a dispatcher: every call still goes through the router's validation. */
export function localClient(dispatch: Dispatch): Client {
  const client: Partial<Record<MethodName, (input: unknown) => Promise<unknown>>> = {};
  for (const method of METHOD_NAMES) {
    client[method] = async (input) => {
      const result = await dispatch(method, input);
      if (!result.ok) throw new ClaimscopeError(result.error.code, result.error.message);
      return result.value;
    };
  }
  return client as Client;
}

/** Opens the database and wires service and router: what every transport starts with. */
export function openApp(dbPath: string, options: OpenOptions & ServiceOptions & { warmAssistant?: boolean } = {}): App {
  const db = openDatabase(dbPath, options);
  const assistant = options.assistant ?? new AssistantWorker();
  // The app and the web host start the assistant's worker at once, so its first answer is quick.
  if (options.warmAssistant) assistant.warm();
  const service = createService(db, { ...options, assistant });
  const dispatch = createRouter(service, undefined, { databasePath: path.resolve(dbPath) });
  return {
    db,
    service,
    dispatch,
    client: localClient(dispatch),
    close: () => {
      assistant.close();
      if (db.open) db.close();
    },
  };
}

/** One line for a person, whatever was thrown. */
export function oneLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0]!;
}
