import { addWorkspaceMember, initWorkspace } from '../sync/client';
import type { WorkspaceRole } from '../sync/schema';
import { UsageError, type Command } from './command';

// The team workspace from a terminal (issue 15). The owner: `workspace init URL` (the schema, through
// numbered migrations) and `workspace add-member URL LOGIN --role R`. An analyst: `workspace connect
// URL --db PATH` (this library joins), `sync --db PATH` (push, then pull), `workspace status`,
// `workspace conflicts`, `workspace leave`. The password: in the URL (used for this run only),
// CLAIMSCOPE_PG_URL, PGPASSWORD or ~/.pgpass.

const ROLES: readonly WorkspaceRole[] = ['reader', 'analyst', 'editor'];

export const workspaceCommand: Command = {
  usage:
    'workspace init URL | add-member URL LOGIN --role reader|analyst|editor [--password P]\n' +
    '                                the owner creates the workspace\'s schema on PostgreSQL (prints {"url", "from", "to"}) and adds members\n' +
    '  workspace connect URL | status | conflicts | leave [--db PATH]\n' +
    '                                this library joins a workspace (its content is pushed, the others\' pulled); status prints\n' +
    '                                {"state", "server", "member", "role", "waiting", ...}; the password: in URL, CLAIMSCOPE_PG_URL, PGPASSWORD or ~/.pgpass',
  options: { role: { type: 'string' }, password: { type: 'string' } },
  async run(app, positionals, values) {
    const [sub, ...rest] = positionals;
    switch (sub) {
      case 'init': {
        if (rest.length !== 1) throw new UsageError('workspace init takes one connection string (postgres://owner@host/db)');
        return initWorkspace(rest[0]!);
      }
      case 'add-member': {
        if (rest.length !== 2) throw new UsageError('workspace add-member takes the owner\'s connection string and a login');
        const role = values.role as WorkspaceRole | undefined;
        if (!role || !ROLES.includes(role)) throw new UsageError(`workspace add-member needs --role ${ROLES.join('|')}`);
        const password = typeof values.password === 'string' ? values.password : undefined;
        await addWorkspaceMember(rest[0]!, rest[1]!, role, password);
        return { member: rest[1], role };
      }
      case 'connect': {
        if (rest.length !== 1) throw new UsageError('workspace connect takes one connection string');
        const { status } = await app().client.connectWorkspace({ url: rest[0]! });
        return status;
      }
      case 'status': {
        if (rest.length) throw new UsageError('workspace status takes no arguments');
        return (await app().client.workspaceStatus({})).status;
      }
      case 'conflicts': {
        if (rest.length) throw new UsageError('workspace conflicts takes no arguments');
        return app().client.listConflicts({});
      }
      case 'leave': {
        if (rest.length) throw new UsageError('workspace leave takes no arguments');
        return (await app().client.leaveWorkspace({})).status;
      }
      default:
        throw new UsageError(sub ? `unknown workspace command "${sub}"` : 'name a workspace command');
    }
  },
};

export const syncCommand: Command = {
  usage: 'sync [--db PATH]             push this library\'s waiting changes to its workspace, then pull the others\'; prints {"pushed", "pulled", "conflicts", "refused", "waiting"}',
  async run(app, positionals) {
    if (positionals.length) throw new UsageError('sync takes no arguments');
    const r = await app().client.syncWorkspace({});
    return { pushed: r.pushed, pulled: r.pulled, conflicts: r.conflicts, refused: r.refused, waiting: r.status.waiting };
  },
};
