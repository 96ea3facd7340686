import { useEffect, useId, useRef, useState } from 'react';
import { Label, Text, TextArea, TextField } from 'react-aria-components';
import type { Client } from '../../../common/api';
import { LIMITS, VERDICTS, type Verdict } from '../../../common/domain';
import { VERDICT_HINTS, VERDICT_LABELS } from '../../../common/labels';
import { ChoiceSelect } from '../details/ChoiceSelect';
import type { DocumentStore } from '../store/documentStore';
import type { Write } from '../workflow/useWriter';
import { useAssessment } from './useAssessment';
import './assessment.css';

// The analyst's bottom line on the open document: a verdict (reliable ... false) and a summary,
// both in every report's header. The verdict saves when chosen; the summary when the analyst
// leaves the field or presses Ctrl+Enter (one undoable step each, not one per keystroke), and
// Escape puts the stored summary back. Undo and redo show here through the store.

interface Props {
  store: DocumentStore;
  client: Client;
  /** The app's writer (workflow/useWriter): applies the answer's change set, shows errors. */
  write: Write;
  /** Heading level of the section's title; default 3. */
  headingLevel?: 2 | 3 | 4;
}

const VERDICT_OPTIONS = VERDICTS.map((v) => ({ id: v, label: VERDICT_LABELS[v] }));

function lastChanged(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

export function AssessmentEditor({ store, client, write, headingLevel = 3 }: Props) {
  const { documentId, assessment, save } = useAssessment(store, client, write);
  const storedSummary = assessment?.summary ?? '';
  const verdict: Verdict = assessment?.verdict ?? 'unassessed';

  const [text, setText] = useState(storedSummary);
  // A new stored value (saved, undone, another document) replaces what is in the field.
  const [shown, setShown] = useState({ documentId, summary: storedSummary });
  if (shown.documentId !== documentId || shown.summary !== storedSummary) {
    setShown({ documentId, summary: storedSummary });
    setText(storedSummary);
  }

  // What is typed but not saved, with the document it was typed in: saved when the editor goes
  // away or another document opens, so nothing typed is lost.
  const unsaved = useRef<{ documentId: number; text: string } | null>(null);
  // The latest save, so the effect below runs only when the document changes, not on every render.
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => {
    const id = documentId;
    return () => {
      const u = unsaved.current;
      if (u === null || u.documentId !== id) return;
      unsaved.current = null;
      void saveRef.current(u.documentId, { summary: u.text });
    };
  }, [documentId]);

  const commit = () => {
    unsaved.current = null;
    if (documentId !== null && text !== storedSummary) void save(documentId, { summary: text });
  };
  const titleId = useId();

  const Heading = `h${headingLevel}` as const;
  if (documentId === null) return null;
  return (
    <section className="cs-assessment" aria-labelledby={titleId} data-testid="assessment">
      <Heading id={titleId} className="cs-assessment-title">
        Assessment
      </Heading>
      <div className="cs-assessment-verdict" data-verdict={verdict}>
        <ChoiceSelect
          label="Verdict"
          value={verdict}
          options={VERDICT_OPTIONS}
          onChange={(v) => {
            if (v !== verdict) void save(documentId, { verdict: v as Verdict });
          }}
        />
        <p className="cs-assessment-hint">
          {VERDICT_HINTS[verdict]}
        </p>
      </div>
      <TextField className="cs-textfield cs-assessment-summary" value={text}
        onChange={(t) => {
          setText(t);
          unsaved.current = { documentId, text: t };
        }}
        onBlur={commit} maxLength={LIMITS.summary}>
        <Label className="cs-field-label">Summary</Label>
        <TextArea
          className="cs-input cs-textarea"
          rows={5}
          placeholder="The bottom line for your editor: what holds up, what does not, and why."
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              commit();
            } else if (e.key === 'Escape' && text !== storedSummary) {
              e.preventDefault();
              e.stopPropagation();
              unsaved.current = null;
              setText(storedSummary);
            }
          }}
        />
        <Text slot="description" className="cs-assessment-help">
          Saved when you leave the field or press Ctrl+Enter; Escape puts back the saved text. Markdown: **bold**, *italic*, - lists.
        </Text>
      </TextField>
      <p className="cs-assessment-status" aria-live="polite">
        {text !== storedSummary ? 'Not saved yet' : assessment?.updatedAt ? `Last changed ${lastChanged(assessment.updatedAt)}` : 'Not assessed yet'}
      </p>
    </section>
  );
}
