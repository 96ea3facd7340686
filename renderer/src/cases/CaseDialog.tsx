import { useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { DocumentSummary } from '../../../common/domain';

// Creating a case (a name and the library's documents to put in it), adding documents to one,
// renaming one. One form: the fields each mode needs.

export type CaseDialogMode = { mode: 'create' } | { mode: 'add'; caseName: string; has: readonly number[] } | { mode: 'rename'; caseName: string };

interface Props {
  dialog: CaseDialogMode;
  documents: readonly DocumentSummary[];
  /** Resolves whether it worked (an error is shown by the caller and the dialog stays open). */
  onSubmit(name: string, documentIds: number[]): Promise<boolean>;
  onClose(): void;
}

const TITLES = { create: 'New case', add: 'Add documents to the case', rename: 'Rename the case' } as const;

export function CaseDialog({ dialog, documents, onSubmit, onClose }: Props) {
  const [name, setName] = useState(dialog.mode === 'create' ? '' : dialog.caseName);
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set());
  const [working, setWorking] = useState(false);
  const has = new Set(dialog.mode === 'add' ? dialog.has : []);
  const choices = documents.filter((d) => !has.has(d.id));
  const needsName = dialog.mode !== 'add';
  const needsDocs = dialog.mode === 'add';
  const ready = (!needsName || name.trim().length > 0) && (!needsDocs || picked.size > 0);

  const submit = async () => {
    if (!ready || working) return;
    setWorking(true);
    const ok = await onSubmit(name.trim(), documents.filter((d) => picked.has(d.id)).map((d) => d.id));
    setWorking(false);
    if (ok) onClose();
  };

  return (
    <ModalOverlay isOpen isDismissable={!working} onOpenChange={(open) => !open && onClose()} className="cs-overlay">
      <Modal className="cs-modal">
        <Dialog className="cs-dialog" aria-label={TITLES[dialog.mode]}>
          <Heading slot="title">{TITLES[dialog.mode]}</Heading>
          <form
            className="cs-case-form"
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            {needsName && (
              <label className="cs-field">
                <span>Name</span>
                <input autoFocus value={name} maxLength={200} onChange={(e) => setName(e.target.value)} placeholder="The event or investigation" />
              </label>
            )}
            {dialog.mode !== 'rename' && (
              <fieldset className="cs-case-pick">
                <legend>{dialog.mode === 'create' ? 'Documents (you can add more later)' : 'Documents'}</legend>
                {choices.length === 0 ? (
                  <p className="cs-hint">{documents.length === 0 ? 'The library is empty: open documents first.' : 'Every document of the library is in this case.'}</p>
                ) : (
                  <ul>
                    {choices.map((d) => (
                      <li key={d.id}>
                        <label className="cs-inline-check">
                          <input
                            type="checkbox"
                            autoFocus={!needsName && d === choices[0]}
                            checked={picked.has(d.id)}
                            onChange={(e) => {
                              const next = new Set(picked);
                              if (e.target.checked) next.add(d.id);
                              else next.delete(d.id);
                              setPicked(next);
                            }}
                          />
                          {d.title}
                        </label>
                      </li>
                    ))}
                  </ul>
                )}
              </fieldset>
            )}
            <div className="cs-dialog-actions">
              <button type="button" className="cs-button" onClick={onClose} disabled={working}>
                Cancel
              </button>
              <button type="submit" className="cs-button cs-primary" disabled={!ready || working}>
                {dialog.mode === 'create' ? 'Create case' : dialog.mode === 'add' ? 'Add' : 'Rename'}
              </button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
