import { useMemo } from 'react';
import type { StoredSuggestion, SuggestionBody } from '../../../common/domain';

interface Props {
  suggestions: readonly StoredSuggestion[];
  running: boolean;
  progress: number;
  error: string | null;
  selectedId: number | null;
  onRun(): void;
  onSelect(id: number): void;
  onAccept(ids: number[]): void;
  onReject(ids: number[]): void;
  onAcceptAll(type: SuggestionBody['type']): void;
}

const TYPE_LABEL: Record<SuggestionBody['type'], string> = {
  inconsistency: 'Inconsistencies',
  attribution: 'Attributions',
  claim: 'Check-worthy claims',
};

function describe(s: SuggestionBody): { title: string; detail: string } {
  if (s.type === 'inconsistency') return { title: `${s.kind[0]!.toUpperCase()}${s.kind.slice(1)} conflict`, detail: s.explanation };
  if (s.type === 'attribution') return { title: `${s.source} · “${s.cue}”`, detail: s.span.text };
  return { title: `claim · score ${s.score.toFixed(2)}`, detail: s.span.text };
}

/** The assistant's proposals: the analyst accepts (Enter) or rejects (Delete) each, or a whole kind. */
export function SuggestionPanel({ suggestions, running, progress, error, selectedId, onRun, onSelect, onAccept, onReject, onAcceptAll }: Props) {
  const groups = useMemo(() => {
    const by: Record<SuggestionBody['type'], StoredSuggestion[]> = { inconsistency: [], attribution: [], claim: [] };
    for (const s of suggestions) by[s.suggestion.type].push(s);
    by.claim.sort((a, b) => (b.suggestion.type === 'claim' ? b.suggestion.score : 0) - (a.suggestion.type === 'claim' ? a.suggestion.score : 0));
    return by;
  }, [suggestions]);

  return (
    <section className="cs-suggestions" aria-label="Assistant suggestions">
      <div className="cs-section-head">
        <h2>Assistant</h2>
        <button type="button" onClick={onRun} disabled={running} title="Suggest inconsistencies, attributions and claims (Ctrl+Shift+S)">
          {running ? `Reading… ${Math.round(progress * 100)}%` : suggestions.length ? 'Run again' : 'Suggest'}
        </button>
      </div>
      {running && <progress className="cs-suggest-progress" value={progress} max={1} aria-label="Assistant progress" />}
      {error && (
        <p className="cs-error-line" role="alert">
          {error}
        </p>
      )}
      {!running && suggestions.length === 0 && !error && <p className="cs-hint cs-empty">No open suggestions. Press Suggest to read the document.</p>}
      {(Object.keys(groups) as Array<SuggestionBody['type']>).map((type) =>
        groups[type].length === 0 ? null : (
          <div key={type} className="cs-suggestion-group" role="group" aria-label={`${TYPE_LABEL[type]} suggested`}>
            <div className="cs-suggestion-group-head">
              <h3>
                {TYPE_LABEL[type]} <span className="cs-count">{groups[type].length}</span>
              </h3>
              <button type="button" onClick={() => onAcceptAll(type)} title={`Accept every ${type} suggestion`}>
                Accept all
              </button>
            </div>
            <ul aria-label={TYPE_LABEL[type]}>
              {groups[type].slice(0, 200).map((s) => {
                const { title, detail } = describe(s.suggestion);
                return (
                  <li key={s.id} aria-current={s.id === selectedId ? 'true' : undefined} data-suggestion={s.id} className={`cs-suggestion-item${s.id === selectedId ? ' cs-current' : ''}`}>
                    {/* One button shows it in the text; Accept and Reject sit beside it, not inside. */}
                    <button type="button" className="cs-suggestion-pick" aria-pressed={s.id === selectedId} onClick={() => onSelect(s.id)}>
                      <span className="cs-suggestion-title">{title}</span>
                      <span className="cs-suggestion-detail">{detail}</span>
                    </button>
                    <span className="cs-suggestion-actions">
                      <button type="button" onClick={() => onAccept([s.id])} title="Accept (Enter)">
                        Accept
                      </button>
                      <button type="button" onClick={() => onReject([s.id])} title="Reject (Delete)">
                        Reject
                      </button>
                    </span>
                  </li>
                );
              })}
            </ul>
            {groups[type].length > 200 && <p className="cs-hint">and {groups[type].length - 200} more; accept or reject these first</p>}
          </div>
        ),
      )}
    </section>
  );
}
