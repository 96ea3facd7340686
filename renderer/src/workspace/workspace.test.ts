import { describe, expect, it } from 'vitest';
import type { WorkspaceStatus } from '../../../common/workspace';
import { statusLabel, statusTitle } from './format';
import { withPassword } from './WorkspaceDialog';

const status = (over: Partial<WorkspaceStatus> = {}): WorkspaceStatus => ({
  state: 'connected',
  server: 'postgres://ana@db.example.org/claimscope',
  member: 'ana',
  role: 'analyst',
  waiting: 0,
  pulledSeq: 0,
  lastSyncAt: null,
  lastError: null,
  conflicts: 0,
  ...over,
});

describe('the workspace in the status bar and its dialog', () => {
  it('says the state, what waits and the conflicts', () => {
    expect(statusLabel(null)).toBe('Local library');
    expect(statusLabel(status({ state: 'local' }))).toBe('Local library');
    expect(statusLabel(status())).toBe('Workspace: connected');
    expect(statusLabel(status({ state: 'syncing', waiting: 2 }))).toBe('Syncing… · 2 waiting');
    expect(statusLabel(status({ state: 'offline', waiting: 1, conflicts: 1 }))).toBe('Offline · 1 waiting · 1 conflict');
    expect(statusLabel(status({ conflicts: 3 }))).toBe('Workspace: connected · 3 conflicts');
  });

  it('tells server, member and role, last sync and last error in the tooltip', () => {
    const title = statusTitle(status({ lastError: 'connection refused', lastSyncAt: null }));
    expect(title).toContain('Server: postgres://ana@db.example.org/claimscope');
    expect(title).toContain('Member: ana (analyst)');
    expect(title).toContain('Last sync: never');
    expect(title).toContain('Last error: connection refused');
  });

  it('puts the password into the connection string after the login, encoded', () => {
    expect(withPassword('postgres://ana@db.example.org/claimscope', 'p@ss:w/rd')).toBe('postgres://ana:p%40ss%3Aw%2Frd@db.example.org/claimscope');
    expect(withPassword(' postgres://ana:old@db:5433/cs ', 'new')).toBe('postgres://ana:new@db:5433/cs');
    expect(withPassword('postgres://ana@db/cs', '')).toBe('postgres://ana@db/cs');
    expect(withPassword('postgresql://db/cs', 'x')).toBe('postgresql://:x@db/cs');
  });
});
