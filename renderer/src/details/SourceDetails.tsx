import { memo, useMemo, useState } from 'react';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, type Key } from 'react-aria-components';
import { RELIABILITY_GRADES, type Annotation, type Reliability, type Source, type SourceType } from '../../../common/domain';
import { RELIABILITY_LABEL, shorten } from '../panel/model';
import type { Indexes } from '../store/indexes';
import { NoteEditor, type NoteEditorHandle } from '../notes/NoteEditor';
import { searchSources } from '../sources/guess';
import { SOURCE_TYPE_OPTIONS } from '../sources/SourcePrompt';
import type { WorkflowActions } from '../workflow/actions';
import { ChoiceSelect } from './ChoiceSelect';
import { CommitField } from './CommitField';

// One source of the register: rename, type, grade, aliases, what cites it here, merge, note.

interface Props {
  source: Source;
  sources: readonly Source[];
  ix: Indexes;
  actions: WorkflowActions;
  noteRef: React.Ref<NoteEditorHandle>;
  nameRef?: React.Ref<HTMLInputElement>;
  mergeRef?: React.Ref<HTMLInputElement>;
}

const GRADE_OPTIONS = RELIABILITY_GRADES.map((g) => ({ id: g, label: RELIABILITY_LABEL[g] }));

/** Memoised: typing in the panel's search does not redraw it (or its note editor). */
export const SourceDetails = memo(function SourceDetails({ source, sources, ix, actions, noteRef, nameRef, mergeRef }: Props) {
  const citing = (ix.citations.get(source.id) ?? []).map((id) => ix.byId.get(id)).filter((x): x is Annotation => !!x);
  const [mergeText, setMergeText] = useState('');
  const others = useMemo(() => sources.filter((s) => s.id !== source.id), [sources, source.id]);
  const mergeItems = useMemo(() => searchSources(mergeText, others, 30), [mergeText, others]);

  return (
    <div className="cs-details-body" data-testid="details">
      <div className="cs-details-head">
        <span className="cs-kind-badge cs-kind-source">Source</span>
        <span className="cs-grade cs-grade-large" data-grade={source.reliability} title={RELIABILITY_LABEL[source.reliability]}>
          {source.reliability}
        </span>
      </div>
      <CommitField label="Name (E)" value={source.name} required inputRef={nameRef} onCommit={(name) => actions.updateSource(source.id, { name: name.trim() })} />
      <div className="cs-field-row">
        <ChoiceSelect label="Type" value={source.type} options={SOURCE_TYPE_OPTIONS} onChange={(t) => actions.updateSource(source.id, { type: t as SourceType })} />
        <ChoiceSelect
          label="Reliability"
          value={source.reliability}
          options={GRADE_OPTIONS}
          onChange={(g) => actions.updateSource(source.id, { reliability: g as Reliability })}
        />
      </div>
      <CommitField
        label="Aliases (comma-separated)"
        value={source.aliases.join(', ')}
        placeholder="Ushakov, presidential aide"
        onCommit={(text) => actions.updateSource(source.id, { aliases: text.split(',').map((s) => s.trim()).filter(Boolean) })}
      />
      <section className="cs-details-section" aria-label="Cited by">
        <h4>Cited {citing.length === 1 ? 'once' : `${citing.length} times`} in this document</h4>
        <ul className="cs-rel-list">
          {citing.map((a) => (
            <li key={a.id}>
              <Button className="cs-quote-link" onPress={() => actions.reveal(a.id)}>
                “{shorten(a.exact, 110)}”
              </Button>
            </li>
          ))}
        </ul>
      </section>
      {others.length > 0 && (
        <section className="cs-details-section" aria-label="Merge">
          <ComboBox
            className="cs-combobox"
            items={mergeItems}
            inputValue={mergeText}
            onInputChange={setMergeText}
            selectedKey={null}
            onSelectionChange={(key: Key | null) => {
              if (key === null) return;
              actions.mergeSources(source.id, Number(key));
              setMergeText('');
            }}
            menuTrigger="focus"
          >
            <Label className="cs-field-label">Merge another source into this one (M)</Label>
            <Input ref={mergeRef} className="cs-input" placeholder="Its links move here; its names become aliases" />
            <Popover className="cs-popover cs-listbox-popover" placement="bottom start">
              <ListBox<Source> className="cs-listbox">
                {(s) => (
                  <ListBoxItem id={s.id} textValue={s.name} className="cs-listbox-item">
                    <span className="cs-source-option">
                      <span className="cs-grade" data-grade={s.reliability}>
                        {s.reliability}
                      </span>
                      <span>{s.name}</span>
                      {s.aliases.length > 0 && <span className="cs-muted"> · {shorten(s.aliases.join(', '), 40)}</span>}
                    </span>
                  </ListBoxItem>
                )}
              </ListBox>
            </Popover>
          </ComboBox>
        </section>
      )}
      <section className="cs-details-section" aria-label="Note">
        <h4>Note (N)</h4>
        <NoteEditor key={source.id} ref={noteRef} value={source.note} label="Note on this source" onSave={(note) => actions.updateSource(source.id, { note })} />
      </section>
      <div className="cs-inline-buttons cs-details-foot">
        <Button className="cs-button cs-small cs-danger" onPress={() => actions.deleteSource(source.id)}>
          Delete source
        </Button>
      </div>
    </div>
  );
});
