import { useState } from 'react';
import type { CaseSuggestion, ClaimGroup } from '../../../common/domain';
import { CLAIM_STANCE_LABELS, credibilityLabel } from '../../../common/labels';
import type { CaseActions, CaseData, CaseDoc } from './useCase';
import { suggestionKey, suggestionsAt } from './model';

// The case's side panel: the claim chosen in a column with its matches in the other documents
// (the assistant's corroborations and contradictions touching it, the documents that say nothing),
// the assistant's cross-document suggestions to accept or dismiss, and the claim groups with their
// passages, stances and grades.

export interface ChosenClaim {
  documentId: number;
  annotationId: number;
}

interface Props {
  data: CaseData;
  docs: ReadonlyMap<number, CaseDoc>;
  suggestions: readonly CaseSuggestion[];
  job: { running: boolean; ran: boolean; error: string | null; read?: { done: number; total: number } };
  actions: CaseActions;
  onFindMatches(): void;
  chosenClaim: ChosenClaim | null;
  chosenSuggestion: string | null;
  onChooseSuggestion(s: CaseSuggestion): void;
  chosenGroup: number | null;
  onChooseGroup(id: number): void;
  tab: 'suggestions' | 'groups';
  onTab(tab: 'suggestions' | 'groups'): void;
}

const TYPE_LABEL = { inconsistency: 'Contradiction', corroboration: 'Corroboration' } as const;

function title(docs: ReadonlyMap<number, CaseDoc>, id: number): string {
  return docs.get(id)?.document.title ?? `Document ${id}`;
}

function SuggestionItem({
  s,
  docs,
  chosen,
  onChoose,
  actions,
}: {
  s: CaseSuggestion;
  docs: ReadonlyMap<number, CaseDoc>;
  chosen: boolean;
  onChoose(): void;
  actions: CaseActions;
}) {
  const [busy, setBusy] = useState(false);
  const act = (run: () => Promise<boolean>) => {
    setBusy(true);
    void run().finally(() => setBusy(false));
  };
  return (
    <li className={`cs-case-suggestion cs-case-${s.type}${chosen ? ' cs-chosen' : ''}`} aria-current={chosen ? 'true' : undefined}>
      <button type="button" className="cs-case-suggestion-show" onClick={onChoose} aria-label={`Show: ${s.explanation}`}>
        <span className={`cs-badge cs-badge-${s.type}`}>{TYPE_LABEL[s.type]}</span> <span className="cs-hint">{s.kind}</span>
        <span className="cs-case-explanation">{s.explanation}</span>
        <span className="cs-case-spans">
          {s.spans.map((x) => (
            <span key={`${x.documentId}@${x.start}`} className="cs-case-span">
              <strong>{title(docs, x.documentId)}:</strong> “{x.text}”
            </span>
          ))}
        </span>
      </button>
      <span className="cs-case-suggestion-actions">
        <button type="button" className="cs-primary-small" disabled={busy} onClick={() => act(() => actions.accept(s))}>
          Accept
        </button>
        <button type="button" disabled={busy} onClick={() => act(() => actions.dismiss(s))}>
          Dismiss
        </button>
      </span>
    </li>
  );
}

function GroupItem({ g, data, docs, actions, chosen, onChoose }: { g: ClaimGroup; data: CaseData; docs: ReadonlyMap<number, CaseDoc>; actions: CaseActions; chosen: boolean; onChoose(): void }) {
  const evidence = data.evidence.find((e) => e.groupId === g.id) ?? null;
  const contested = g.members.some((m) => m.stance === 'contradicts');
  return (
    <li className={`cs-case-group${chosen ? ' cs-chosen' : ''}`} aria-current={chosen ? 'true' : undefined}>
      <button type="button" className="cs-case-group-head" onClick={onChoose}>
        {contested && <span className="cs-badge cs-badge-contested">contested</span>} {g.label || `Group ${g.id}`}
      </button>
      {chosen && (
        <>
          <ul className="cs-case-members">
            {g.members.map((m) => (
              <li key={m.id} className={`cs-case-member cs-case-${m.stance}`}>
                <span className="cs-case-member-text">
                  <strong>{title(docs, m.documentId)}:</strong> “{m.exact}”
                </span>
                <span className="cs-case-member-actions">
                  <button
                    type="button"
                    title="Change how this passage stands to the claim"
                    onClick={() => void actions.setStance(g.id, m.annotationId, m.stance === 'states' ? 'contradicts' : 'states')}
                  >
                    {CLAIM_STANCE_LABELS[m.stance]}
                  </button>
                  <button type="button" aria-label={`Remove “${m.exact}” from the group`} title="Remove from the group" onClick={() => void actions.removeMember(g.id, m.annotationId)}>
                    ×
                  </button>
                </span>
              </li>
            ))}
          </ul>
          {evidence && (
            <p className="cs-case-evidence">
              <strong>Proposed {credibilityLabel(evidence.proposed)}.</strong> {evidence.reason}
              {evidence.sources.length > 0 && (
                <span className="cs-case-sources">
                  {' '}
                  Sources:{' '}
                  {evidence.sources.map((s, i) => (
                    <span key={`${s.name}-${i}`}>
                      {i > 0 && ', '}
                      {s.name}
                      {s.reliability && ` (${s.reliability})`}
                      {s.stance === 'contradicts' && ' contradicts'}
                    </span>
                  ))}
                </span>
              )}
            </p>
          )}
          <div className="cs-case-group-actions">
            <label>
              Credibility{' '}
              <select value={g.credibility ?? ''} onChange={(e) => void actions.setCredibility(g.id, e.target.value === '' ? null : Number(e.target.value))}>
                <option value="">Not graded</option>
                {[1, 2, 3, 4, 5, 6].map((k) => (
                  <option key={k} value={k}>
                    {credibilityLabel(k)}
                  </option>
                ))}
              </select>
            </label>
            {evidence && g.credibility !== evidence.proposed && (
              <button type="button" onClick={() => void actions.setCredibility(g.id, evidence.proposed)}>
                Use proposed ({evidence.proposed})
              </button>
            )}
            <button type="button" className="cs-danger-small" onClick={() => void actions.deleteGroup(g.id)}>
              Delete group
            </button>
          </div>
        </>
      )}
    </li>
  );
}

/** Files the chosen claim by hand: into a new group, or into one of the case's groups as stating or contradicting it. */
function GroupThis({ claimId, exact, data, actions }: { claimId: number; exact: string; data: CaseData; actions: CaseActions }) {
  const others = data.claimGroups.filter((g) => !g.members.some((m) => m.annotationId === claimId));
  const [target, setTarget] = useState<number | ''>('');
  const chosen = others.some((g) => g.id === target) ? target : '';
  return (
    <div className="cs-case-group-this">
      <button type="button" onClick={() => void actions.groupClaims([{ annotationId: claimId }], exact.slice(0, 120))}>
        New group from this claim
      </button>
      {others.length > 0 && (
        <span className="cs-case-add-to">
          <select aria-label="Claim group to add this claim to" value={chosen} onChange={(e) => setTarget(e.target.value === '' ? '' : Number(e.target.value))}>
            <option value="">Add to group…</option>
            {others.map((g) => (
              <option key={g.id} value={g.id}>
                {(g.label || `Group ${g.id}`).slice(0, 80)}
              </option>
            ))}
          </select>
          <button type="button" disabled={chosen === ''} onClick={() => chosen !== '' && void actions.setStance(chosen, claimId, 'states')}>
            States it
          </button>
          <button type="button" disabled={chosen === ''} onClick={() => chosen !== '' && void actions.setStance(chosen, claimId, 'contradicts')}>
            Contradicts it
          </button>
        </span>
      )}
    </div>
  );
}

/** Suggestions drawn at a time: a big case can have thousands, and each is a card to lay out. */
const PAGE = 100;

export function CasePanel(p: Props) {
  const { data, docs, suggestions, job, chosenClaim } = p;
  const [limit, setLimit] = useState(PAGE);
  const claim = chosenClaim ? (docs.get(chosenClaim.documentId)?.state.annotations.find((a) => a.id === chosenClaim.annotationId) ?? null) : null;
  const matches = claim && chosenClaim ? suggestionsAt(suggestions, chosenClaim.documentId, claim.start, claim.end) : [];
  const speaking = new Set(matches.flatMap((s) => s.spans.map((x) => x.documentId)));
  const groupsOfClaim = claim ? data.claimGroups.filter((g) => g.members.some((m) => m.annotationId === claim.id)) : [];
  for (const g of groupsOfClaim) for (const m of g.members) speaking.add(m.documentId);
  const silent = chosenClaim ? data.case.documentIds.filter((d) => d !== chosenClaim.documentId && !speaking.has(d)) : [];

  return (
    <aside className="cs-case-panel" aria-label="Case panel">
      {claim && chosenClaim && (
        <section className="cs-case-chosen" aria-label="Chosen claim">
          <h3>
            Claim in {title(docs, chosenClaim.documentId)}
          </h3>
          <p className="cs-case-claim-text">“{claim.exact}”</p>
          {groupsOfClaim.length > 0 && (
            <p className="cs-hint">
              In {groupsOfClaim.length === 1 ? 'group' : 'groups'}: {groupsOfClaim.map((g) => g.label || `Group ${g.id}`).join('; ')}
            </p>
          )}
          {matches.length > 0 ? (
            <ul className="cs-case-suggestions">
              {matches.map((s) => (
                <SuggestionItem key={suggestionKey(s)} s={s} docs={docs} chosen={p.chosenSuggestion === suggestionKey(s)} onChoose={() => p.onChooseSuggestion(s)} actions={p.actions} />
              ))}
            </ul>
          ) : (
            groupsOfClaim.length === 0 && <p className="cs-hint">{job.ran ? 'The assistant found no passage in the other documents about this claim.' : 'Find matches to compare it with the other documents.'}</p>
          )}
          {silent.length > 0 && <p className="cs-hint">Silent: {silent.map((d) => title(docs, d)).join(', ')}</p>}
          <GroupThis claimId={claim.id} exact={claim.exact} data={data} actions={p.actions} />
        </section>
      )}
      <div className="cs-case-tabs" role="tablist" aria-label="Case lists">
        <button type="button" role="tab" aria-selected={p.tab === 'suggestions'} onClick={() => p.onTab('suggestions')}>
          Suggestions <span className="cs-count">{job.running ? '…' : suggestions.length}</span>
        </button>
        <button type="button" role="tab" aria-selected={p.tab === 'groups'} onClick={() => p.onTab('groups')}>
          Claim groups <span className="cs-count">{data.claimGroups.length}</span>
        </button>
      </div>
      {p.tab === 'suggestions' ? (
        <div role="tabpanel" aria-label="Suggestions" className="cs-case-list">
          <div className="cs-case-list-head">
            <button type="button" onClick={p.onFindMatches} disabled={job.running || data.case.documentIds.length < 2}>
              {job.running ? (job.read && job.read.total > 0 ? `Reading the documents… ${job.read.done} of ${job.read.total}` : 'Reading the documents…') : 'Find matches'}
            </button>
            {data.case.documentIds.length < 2 && <span className="cs-hint">Add a second document to compare.</span>}
          </div>
          {job.error && (
            <p className="cs-error" role="alert">
              {job.error}
            </p>
          )}
          {job.ran && !job.running && !job.error && suggestions.length === 0 && <p className="cs-hint">No cross-document contradictions or corroborations left to review.</p>}
          <ul className="cs-case-suggestions">
            {suggestions.slice(0, limit).map((s) => (
              <SuggestionItem key={suggestionKey(s)} s={s} docs={docs} chosen={p.chosenSuggestion === suggestionKey(s)} onChoose={() => p.onChooseSuggestion(s)} actions={p.actions} />
            ))}
          </ul>
          {suggestions.length > limit && (
            <button type="button" className="cs-case-more" onClick={() => setLimit((n) => n + PAGE)}>
              Show {Math.min(PAGE, suggestions.length - limit)} more of {suggestions.length - limit}
            </button>
          )}
        </div>
      ) : (
        <div role="tabpanel" aria-label="Claim groups" className="cs-case-list">
          {data.claimGroups.length === 0 && <p className="cs-hint">No claim groups yet: accept a suggestion, or choose a claim and group it with others.</p>}
          <ul className="cs-case-groups">
            {data.claimGroups.map((g) => (
              <GroupItem key={g.id} g={g} data={data} docs={docs} actions={p.actions} chosen={p.chosenGroup === g.id} onChoose={() => p.onChooseGroup(g.id)} />
            ))}
          </ul>
        </div>
      )}
    </aside>
  );
}
