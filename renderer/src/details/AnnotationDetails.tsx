import { memo } from 'react';
import { Button } from 'react-aria-components';
import { CLAIM_STATUSES, type Annotation, type Source } from '../../../common/domain';
import { CREDIBILITY_LABEL, FLAG_STATUS_LABEL, RELIABILITY_LABEL, shorten, sourcesOf, STATUS_LABEL } from '../panel/model';
import type { Indexes } from '../store/indexes';
import { NoteEditor, type NoteEditorHandle } from '../notes/NoteEditor';
import type { WorkflowActions } from '../workflow/actions';
import type { SyncConflict } from '../../../common/workspace';
import { ConflictNotes } from '../workspace/ConflictNotes';
import { ChoiceSelect } from './ChoiceSelect';
import { ElsewhereQuote, passagesElsewhere } from './ElsewhereQuote';

// The details of the selected claim or attribution: status, credibility, source and grade, the
// claims it covers or the attributions covering it, its flags with jumps, and its note.

interface Props {
  annotation: Annotation;
  ix: Indexes;
  actions: WorkflowActions;
  noteRef: React.Ref<NoteEditorHandle>;
  /** The workspace's conflicts over this record, not yet dismissed. */
  conflicts: readonly SyncConflict[];
  onDismissConflict(id: number): void;
  onShowSource(id: number): void;
  onShowFlag(id: number): void;
}

const STATUS_OPTIONS = CLAIM_STATUSES.map((s) => ({ id: s, label: STATUS_LABEL[s] }));
const CREDIBILITY_OPTIONS = [{ id: '', label: '— not assessed' }, ...[1, 2, 3, 4, 5, 6].map((c) => ({ id: String(c), label: CREDIBILITY_LABEL[c]! }))];

export function SourceChip({ source, onPress }: { source: Source; onPress(): void }) {
  return (
    <Button className="cs-chip" onPress={onPress} aria-label={`Source ${source.name}, reliability ${RELIABILITY_LABEL[source.reliability]}`}>
      <span className="cs-grade" data-grade={source.reliability}>
        {source.reliability}
      </span>
      {source.name}
    </Button>
  );
}

function Quote({ a, actions }: { a: Annotation; actions: WorkflowActions }) {
  return (
    <Button className="cs-quote-link" onPress={() => actions.reveal(a.id)} aria-label={`Show in text: ${shorten(a.exact, 80)}`}>
      <span className={`cs-kind-dot cs-kind-${a.kind}`} aria-hidden="true" />“{shorten(a.exact, 110)}”
    </Button>
  );
}

/** Who made it and, when someone else, who changed it last (known in a team workspace). */
export function Authors({ createdBy, changedBy }: { createdBy?: string; changedBy?: string }) {
  if (!createdBy && !changedBy) return null;
  const changed = changedBy && changedBy !== createdBy ? changedBy : null;
  return (
    <p className="cs-hint cs-authors" data-testid="authors">
      {createdBy ? `by ${createdBy}` : ''}
      {createdBy && changed ? ' · ' : ''}
      {changed ? `changed by ${changed}` : ''}
    </p>
  );
}

/** Memoised: typing in the panel's search does not redraw it (or its note editor). */
export const AnnotationDetails = memo(function AnnotationDetails({ annotation: a, ix, actions, noteRef, onShowSource, onShowFlag, conflicts, onDismissConflict }: Props) {
  const isClaim = a.kind === 'claim';
  const sources = sourcesOf(ix, a.id);
  const own = ix.citedSource.get(a.id);
  const ownSource = own === undefined ? undefined : ix.sourceById.get(own);
  const flags = ix.flagsOf.get(a.id) ?? [];
  const covered = (ix.claimsOf.get(a.id) ?? []).map((id) => ix.byId.get(id)).filter((x): x is Annotation => !!x);
  const covering = (ix.attributionsOf.get(a.id) ?? []).map((id) => ix.byId.get(id)).filter((x): x is Annotation => !!x);

  return (
    <div className="cs-details-body" data-testid="details">
      <div className="cs-details-head">
        <span className={`cs-kind-badge cs-kind-${a.kind}`}>{isClaim ? 'Claim' : 'Attribution'}</span>
        {a.orphan && <span className="cs-badge cs-badge-warn">not found in the text</span>}
        {a.changedInVersion != null && <span className="cs-badge cs-badge-warn">changed in version {a.changedInVersion}</span>}
        <Button className="cs-link-button" onPress={() => actions.reveal(a.id)}>
          Show in text
        </Button>
      </div>
      <ConflictNotes conflicts={conflicts} onDismiss={onDismissConflict} />
      <blockquote className="cs-details-quote">{a.exact}</blockquote>
      <Authors createdBy={a.createdBy} changedBy={a.changedBy} />
      {a.changedInVersion != null && a.changedFrom != null && (
        <div className="cs-changed-wording" role="note">
          <p>
            Version {a.changedInVersion} changed its words. It was: <del>{a.changedFrom}</del>
          </p>
          <p className="cs-hint">Its status, grade, note and links are the ones it had; check they still hold.</p>
          <Button className="cs-button cs-small" onPress={() => actions.reviewChange(a.id)}>
            Reviewed
          </Button>
        </div>
      )}

      {isClaim && (
        <div className="cs-field-row">
          <ChoiceSelect label="Status (S)" value={a.status} options={STATUS_OPTIONS} onChange={(s) => actions.setStatus([a.id], s as Annotation['status'])} />
          <ChoiceSelect
            label="Credibility (1–6)"
            value={a.credibility === null ? '' : String(a.credibility)}
            options={CREDIBILITY_OPTIONS}
            onChange={(c) => actions.setCredibility([a.id], c === '' ? null : Number(c))}
          />
        </div>
      )}

      <section className="cs-details-section" aria-label="Source">
        <h4>{isClaim ? 'Sources' : 'Source'}</h4>
        {isClaim ? (
          sources.length > 0 ? (
            <div className="cs-chips">
              {sources.map((s) => (
                <SourceChip key={s.id} source={s} onPress={() => onShowSource(s.id)} />
              ))}
            </div>
          ) : (
            <p className="cs-hint cs-unsourced-note">Unsourced: no attribution covers this claim. Select its attribution and this claim, then L.</p>
          )
        ) : ownSource ? (
          <div className="cs-chips">
            <SourceChip source={ownSource} onPress={() => onShowSource(ownSource.id)} />
            <span className="cs-hint">{RELIABILITY_LABEL[ownSource.reliability]}</span>
          </div>
        ) : (
          <p className="cs-hint">No source yet.</p>
        )}
        {!isClaim && (
          <div className="cs-inline-buttons">
            <Button className="cs-button cs-small" onPress={() => actions.chooseSource(a.id)}>
              {ownSource ? 'Change source… (R)' : 'Choose source… (R)'}
            </Button>
            {ownSource && (
              <Button className="cs-button cs-small" onPress={() => actions.setSource(a.id, null)}>
                Remove source
              </Button>
            )}
          </div>
        )}
      </section>

      {!isClaim && (
        <section className="cs-details-section" aria-label="Claims it covers">
          <h4>Covers {covered.length === 1 ? '1 claim' : `${covered.length} claims`}</h4>
          {covered.length === 0 && <p className="cs-hint">Ctrl+click a claim, then L to link it.</p>}
          <ul className="cs-rel-list">
            {covered.map((c) => (
              <li key={c.id}>
                <Quote a={c} actions={actions} />
                <Button className="cs-icon-button" aria-label={`Unlink claim “${shorten(c.exact, 40)}”`} onPress={() => actions.unlink(a.id, [c.id])}>
                  ×
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {isClaim && covering.length > 0 && (
        <section className="cs-details-section" aria-label="Attributions">
          <h4>Attributed by</h4>
          <ul className="cs-rel-list">
            {covering.map((t) => {
              const sid = ix.citedSource.get(t.id);
              const s = sid === undefined ? undefined : ix.sourceById.get(sid);
              return (
                <li key={t.id}>
                  <Quote a={t} actions={actions} />
                  {s && <span className="cs-grade" data-grade={s.reliability}>{s.reliability}</span>}
                  <Button className="cs-icon-button" aria-label={`Unlink from “${shorten(t.exact, 40)}”`} onPress={() => actions.unlink(t.id, [a.id])}>
                    ×
                  </Button>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {isClaim && (
        <section className="cs-details-section" aria-label="Inconsistency flags">
          <h4>{flags.length === 0 ? 'Flags' : `Flags (${flags.length})`}</h4>
          {flags.length === 0 && <p className="cs-hint">Ctrl+click another claim, then I to flag an inconsistency.</p>}
          {flags.map((f) => (
            <div key={f.id} className="cs-flag-card" data-flag-status={f.status}>
              <Button className="cs-link-button cs-flag-title" onPress={() => onShowFlag(f.id)}>
                <span aria-hidden="true">⚑</span> {f.explanation || 'Inconsistency'} · {FLAG_STATUS_LABEL[f.status]}
              </Button>
              <ul className="cs-rel-list">
                {f.memberIds
                  .filter((m) => m !== a.id)
                  .map((m) => ix.byId.get(m))
                  .filter((x): x is Annotation => !!x)
                  .map((m) => (
                    <li key={m.id}>
                      <span className="cs-muted" aria-hidden="true">
                        vs
                      </span>
                      <Quote a={m} actions={actions} />
                    </li>
                  ))}
                {passagesElsewhere(f, ix).map((p) => (
                  <li key={p.annotationId}>
                    <span className="cs-muted" aria-hidden="true">
                      vs
                    </span>
                    <ElsewhereQuote p={p} onOpen={actions.openElsewhere} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}

      <section className="cs-details-section" aria-label="Note">
        <h4>Note (N)</h4>
        <NoteEditor
          key={a.id}
          ref={noteRef}
          value={a.note}
          label={`Note on this ${a.kind}`}
          onSave={(md) => actions.saveAnnotationNote(a.id, md)}
        />
      </section>

      <div className="cs-inline-buttons cs-details-foot">
        <Button className="cs-button cs-small cs-danger" onPress={() => actions.deleteAnnotation(a.id)}>
          Delete {a.kind} (Del)
        </Button>
      </div>
    </div>
  );
});
