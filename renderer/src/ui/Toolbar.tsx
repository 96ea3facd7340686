import type { Ref } from 'react';
import type { AnnotationKind } from '../../../common/domain';
import { IMPORT_EXTENSIONS } from '../../../common/formats';
import { keyHint } from '../../../common/keymap';
import type { History } from '../store/documentStore';

const ACCEPT = IMPORT_EXTENSIONS.join(',');

interface Props {
  documentOpen: boolean;
  /** A document or a case is on the desk: there is a report to export. */
  exportable: boolean;
  tagSelected: boolean;
  history: History;
  showLibrary: boolean;
  fileInput: Ref<HTMLInputElement>;
  onChooseFile(): void;
  onFiles(files: File[]): void;
  onToggleLibrary(): void;
  onTag(kind: AnnotationKind): void;
  onRemoveTag(): void;
  onStep(direction: 'undo' | 'redo'): void;
  onExport(): void;
  onShortcuts(): void;
  onSettings(): void;
}

/** The bar at the top: files, tagging, history, export, help. Each button names its key. */
export function Toolbar({
  documentOpen,
  exportable,
  tagSelected,
  history,
  showLibrary,
  fileInput,
  onChooseFile,
  onFiles,
  onToggleLibrary,
  onTag,
  onRemoveTag,
  onStep,
  onExport,
  onShortcuts,
  onSettings,
}: Props) {
  return (
    <header className="cs-toolbar" role="toolbar" aria-label="Claimscope">
      <span className="cs-brand">Claimscope</span>
      <button type="button" onClick={onChooseFile} title={`Open a document (${keyHint('open')})`}>
        Open…
      </button>
      <button type="button" onClick={onToggleLibrary} aria-pressed={showLibrary} title={`Library (${keyHint('library')})`}>
        Library
      </button>
      <span className="cs-sep" />
      <button type="button" className="cs-btn-claim" disabled={!documentOpen} onClick={() => onTag('claim')} title={`Tag as claim (${keyHint('tagClaim')})`}>
        Claim <kbd>{keyHint('tagClaim')}</kbd>
      </button>
      <button
        type="button"
        className="cs-btn-attribution"
        disabled={!documentOpen}
        onClick={() => onTag('attribution')}
        title={`Tag as attribution (${keyHint('tagAttribution')})`}
      >
        Attribution <kbd>{keyHint('tagAttribution')}</kbd>
      </button>
      <button type="button" disabled={!tagSelected} onClick={onRemoveTag} title={`Remove the selected tag (${keyHint('removeTag')})`}>
        Remove tag
      </button>
      <span className="cs-sep" />
      <button type="button" disabled={!history.canUndo} onClick={() => onStep('undo')} title={`Undo (${keyHint('undo')})`}>
        Undo
      </button>
      <button type="button" disabled={!history.canRedo} onClick={() => onStep('redo')} title={`Redo (${keyHint('redo')})`}>
        Redo
      </button>
      <button type="button" disabled={!exportable} onClick={onExport} title={`Export a report (${keyHint('export')})`}>
        Export…
      </button>
      <span className="cs-grow" />
      <button type="button" onClick={onSettings} title={`Settings (${keyHint('settings')})`}>
        Settings…
      </button>
      <button type="button" onClick={onShortcuts} title={`Keyboard shortcuts (${keyHint('shortcuts')})`}>
        ?
      </button>
      <input
        ref={fileInput}
        type="file"
        accept={ACCEPT}
        multiple
        hidden
        data-testid="file-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          onFiles(files);
        }}
      />
    </header>
  );
}
