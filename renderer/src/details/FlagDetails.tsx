import { memo } from 'react';
import { Button } from 'react-aria-components';
import { FLAG_STATUSES, type Annotation, type Flag } from '../../../common/domain';
import { FLAG_STATUS_LABEL, shorten, sourcesOf, STATUS_LABEL } from '../panel/model';
import type { Indexes } from '../store/indexes';
import { NoteEditor, type NoteEditorHandle } from '../notes/NoteEditor';
import type { WorkflowActions } from '../workflow/actions';
import type { SyncConflict } from '../../../common/workspace';
import { ConflictNotes } from '../workspace/ConflictNotes';
import { Authors } from './AnnotationDetails';
import { ChoiceSelect } from './ChoiceSelect';
import { CommitField } from './CommitField';
import { ElsewhereQuote, passagesElsewhere } from './ElsewhereQuote';

// One inconsistency flag: what contradicts what, its status, its claims (jump to each), its note.

interface Props {
  flag: Flag;
  ix: Indexes;
  actions: WorkflowActions;
  noteRef: React.Ref<NoteEditorHandle>;
  /** The workspace's conflicts over this record, not yet dismissed. */
  conflicts: readonly SyncConflict[];
  onDismissConflict(id: number): void;
}

const STATUS_OPTIONS = FLAG_STATUSES.map((s) => ({ id: s, label: FLAG_STATUS_LABEL[s] }));

/** Memoised: typing in the panel's search does not redraw it (or its note editor). */
export const FlagDetails = memo(function FlagDetails({ flag, ix, actions, noteRef, conflicts, onDismissConflict }: Props) {
  const members = flag.memberIds.map((id) => ix.byId.get(id)).filter((x): x is Annotation => !!x);
  const elsewhere = passagesElsewhere(flag, ix);
  return (
    <div className="cs-details-body" data-testid="details">
      <div className="cs-details-head">
        <span className="cs-kind-badge cs-kind-flag">
          <span aria-hidden="true">⚑</span> Inconsistency
        </span>
        <Button className="cs-link-button" onPress={() => actions.revealAll(flag.memberIds)}>
          Show claims in text
        </Button>
      </div>
      <ConflictNotes conflicts={conflicts} onDismiss={onDismissConflict} />
      <Authors createdBy={flag.createdBy} changedBy={flag.changedBy} />
      <CommitField
        label="Explanation"
        value={flag.explanation}
        placeholder="sixth conversation this year vs at least five since January"
        onCommit={(explanation) => actions.updateFlag(flag.id, { explanation })}
      />
      <ChoiceSelect label="Status (S)" value={flag.status} options={STATUS_OPTIONS} onChange={(s) => actions.updateFlag(flag.id, { status: s as Flag['status'] })} />
      <section className="cs-details-section" aria-label="Flagged claims">
        <h4>{elsewhere.length === 0 ? `${members.length} claims` : `${members.length + elsewhere.length} claims, ${elsewhere.length} in other documents`}</h4>
        <ul className="cs-rel-list">
          {members.map((m) => {
            const s = sourcesOf(ix, m.id)[0];
            return (
              <li key={m.id}>
                <Button className="cs-quote-link" onPress={() => actions.reveal(m.id)} aria-label={`Show in text: ${shorten(m.exact, 80)}`}>
                  “{shorten(m.exact, 110)}”
                </Button>
                <span className="cs-muted cs-small-text">
                  {STATUS_LABEL[m.status]}
                  {s ? ` · ${s.name} ${s.reliability}` : ''}
                </span>
                {members.length + elsewhere.length > 2 && (
                  <Button
                    className="cs-icon-button"
                    aria-label={`Take “${shorten(m.exact, 40)}” out of this flag`}
                    onPress={() => actions.updateFlag(flag.id, { memberIds: flag.memberIds.filter((x) => x !== m.id) })}
                  >
                    ×
                  </Button>
                )}
              </li>
            );
          })}
          {elsewhere.map((p) => (
            <li key={p.annotationId}>
              <ElsewhereQuote p={p} onOpen={actions.openElsewhere} />
            </li>
          ))}
        </ul>
      </section>
      <section className="cs-details-section" aria-label="Note">
        <h4>Note (N)</h4>
        <NoteEditor key={flag.id} ref={noteRef} value={flag.note} label="Note on this flag" onSave={(note) => actions.updateFlag(flag.id, { note })} />
      </section>
      <div className="cs-inline-buttons cs-details-foot">
        <Button className="cs-button cs-small cs-danger" onPress={() => actions.deleteFlag(flag.id)}>
          Delete flag
        </Button>
      </div>
    </div>
  );
});
