import path from 'node:path';
import { openDatabase, type OpenOptions } from '../db/open';
import { createRouter, type Dispatch } from './router';
import { createService, type ServiceOptions } from './service';
import { AssistantWorker } from './service/assistant';
import type { Client, Handlers } from '../common/api';
import { ClaimscopeError } from '../common/errors';
import { METHOD_NAMES, type MethodName } from '../common/methods';
import type { DB } from '../db/open';
import { WorkspaceSync } from './sync/client';
import type { WorkspaceStatus } from '../common/workspace';

export interface WorkspaceOptions {
  /** Keep the workspace live (LISTEN, push as soon as the analyst writes): the app and the web host. */
  liveWorkspace?: boolean;
  /** The stored connection's password (the app's keychain); else CLAIMSCOPE_PG_URL, PGPASSWORD, ~/.pgpass. */
  workspacePassword?: () => string | undefined;
  /** Keeps a password given with a connection string (the app: in the keychain). */
  rememberWorkspacePassword?: (password: string | undefined) => void;
  /** Told of every status change (the app forwards it to the window). */
  onWorkspaceStatus?: (status: WorkspaceStatus) => void;
}

export interface App {
  db: DB;
  /** The library's link to its team workspace (idle when it is in none). */
  workspace: WorkspaceSync;
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
export function openApp(dbPath: string, options: OpenOptions & ServiceOptions & WorkspaceOptions & { warmAssistant?: boolean } = {}): App {
  const db = openDatabase(dbPath, options);
  const assistant = options.assistant ?? new AssistantWorker();
  // The app and the web host start the assistant's worker at once, so its first answer is quick.
  if (options.warmAssistant) assistant.warm();
  const workspace = new WorkspaceSync(db, {
    ...(options.workspacePassword ? { password: options.workspacePassword } : {}),
    ...(options.onWorkspaceStatus ? { onStatus: options.onWorkspaceStatus } : {}),
  });
  const link = {
    status: () => workspace.status(),
    connect: async (url: string) => {
      const r = await workspace.connect(url);
      options.rememberWorkspacePassword?.(r.password);
      if (options.liveWorkspace) await workspace.start();
      return workspace.status();
    },
    sync: () => workspace.syncNow(),
    leave: () => workspace.leave(),
  };
  if (options.liveWorkspace) void workspace.start();
  const service = createService(db, { ...options, assistant, workspace: link, afterWrite: () => workspace.kick() });
  const dispatch = createRouter(service, undefined, { databasePath: path.resolve(dbPath) });
  return {
    db,
    workspace,
    service,
    dispatch,
    client: localClient(dispatch),
    close: () => {
      void workspace.stop();
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
