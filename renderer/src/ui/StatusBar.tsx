import type { Annotation } from '../../../common/domain';
import type { WorkspaceStatus } from '../../../common/workspace';
import { statusLabel, statusTitle } from '../workspace/format';

interface Props {
  pendingWrites: number;
  busy: string | null;
  selected: Annotation | null;
  alsoSelected: number;
  /** The team workspace (null until first read); its indicator opens the workspace dialog. */
  workspace?: WorkspaceStatus | null;
  onWorkspace?(): void;
}

/** The line at the bottom: saving, what the app is busy with, what is selected, the team workspace. */
export function StatusBar({ pendingWrites, busy, selected, alsoSelected, workspace = null, onWorkspace }: Props) {
  return (
    <footer className="cs-status" role="status" aria-live="polite">
      <span data-testid="save-status">{pendingWrites > 0 ? 'Saving…' : 'All changes saved'}</span>
      {busy && <span className="cs-busy">{busy}</span>}
      {selected && (
        <span className="cs-selected-info">
          Selected: {selected.kind} · {selected.exact.length > 60 ? selected.exact.slice(0, 60) + '…' : selected.exact}
          {alsoSelected > 0 && ` (+${alsoSelected} more: I flags claims, L links an attribution)`}
        </span>
      )}
      {onWorkspace && (
        // Not announced on every poll: the button says it when it is focused.
        <span className="cs-workspace-slot" aria-live="off">
          <button
            type="button"
            className="cs-workspace-indicator"
            data-testid="workspace-status"
            data-state={workspace?.state ?? 'local'}
            data-conflicts={workspace && workspace.conflicts > 0 ? 'yes' : undefined}
            title={statusTitle(workspace)}
            onClick={onWorkspace}
          >
            <span className="cs-workspace-dot" aria-hidden="true" />
            {statusLabel(workspace)}
          </button>
        </span>
      )}
    </footer>
  );
}
