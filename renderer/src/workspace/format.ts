import type { WorkspaceStatus } from '../../../common/workspace';

// How the workspace's status reads in the status bar, its tooltip and the dialog.

const STATE_LABEL: Record<WorkspaceStatus['state'], string> = {
  local: 'Local library',
  connected: 'Workspace: connected',
  syncing: 'Syncing…',
  offline: 'Offline',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Workspace: connected · 2 waiting · 1 conflict"; "Local library" outside a workspace. */
export function statusLabel(s: WorkspaceStatus | null): string {
  if (!s || s.state === 'local') return STATE_LABEL.local;
  const parts = [STATE_LABEL[s.state]];
  if (s.waiting > 0) parts.push(`${s.waiting} waiting`);
  if (s.conflicts > 0) parts.push(plural(s.conflicts, 'conflict', 'conflicts'));
  return parts.join(' · ');
}

/** A time as the analyst reads it: today's as a clock time, others with their date. */
export function when(iso: string | null, now = new Date()): string {
  if (!iso) return 'never';
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const sameDay = t.toDateString() === now.toDateString();
  return sameDay ? t.toLocaleTimeString() : t.toLocaleString();
}

/** The tooltip: server, member and role, last sync, last error. */
export function statusTitle(s: WorkspaceStatus | null): string {
  if (!s || s.state === 'local') return 'This library is not in a team workspace. Click to join one.';
  return [
    `Server: ${s.server ?? 'unknown'}`,
    `Member: ${s.member ?? 'unknown'}${s.role ? ` (${s.role})` : ''}`,
    `Last sync: ${when(s.lastSyncAt)}`,
    ...(s.waiting > 0 ? [`${plural(s.waiting, 'change', 'changes')} waiting to be sent`] : []),
    ...(s.lastError ? [`Last error: ${s.lastError}`] : []),
  ].join('\n');
}
