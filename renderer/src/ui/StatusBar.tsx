import type { Annotation } from '../../../common/domain';

/** The line at the bottom: saving, what the app is busy with, what is selected. */
export function StatusBar({ pendingWrites, busy, selected, alsoSelected }: { pendingWrites: number; busy: string | null; selected: Annotation | null; alsoSelected: number }) {
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
    </footer>
  );
}
