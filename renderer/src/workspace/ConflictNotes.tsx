import { Button } from 'react-aria-components';
import type { SyncConflict } from '../../../common/workspace';
import { when } from './format';
import './workspace.css';

// What the workspace decided between two analysts' writes, next to the record it concerns (or in
// the workspace dialog when the record is gone): one sentence each, until the analyst dismisses it.

export function ConflictNotes({ conflicts, onDismiss }: { conflicts: readonly SyncConflict[]; onDismiss(id: number): void }) {
  if (conflicts.length === 0) return null;
  return (
    <ul className="cs-conflicts" aria-label="Workspace conflicts">
      {conflicts.map((c) => (
        <li key={c.id} className="cs-conflict" role="note" data-testid="conflict" data-kind={c.kind}>
          <span className="cs-conflict-icon" aria-hidden="true">
            ⇄
          </span>
          <div className="cs-conflict-text">
            <p>{c.message}</p>
            <p className="cs-conflict-when">{when(c.at)}</p>
          </div>
          <Button className="cs-button cs-small" onPress={() => onDismiss(c.id)} aria-label={`Dismiss: ${c.message}`}>
            Dismiss
          </Button>
        </li>
      ))}
    </ul>
  );
}
