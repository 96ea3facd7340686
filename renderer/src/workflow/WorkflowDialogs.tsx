import type { Annotation, Flag, NewSource } from '../../../common/domain';
import { ConfirmDialog } from '../flags/ConfirmDialog';
import { FlagDialog } from '../flags/FlagDialog';
import { shorten } from '../panel/model';
import { SourcePrompt } from '../sources/SourcePrompt';
import type { DocumentStore } from '../store/documentStore';
import { useDocState } from '../store/useDocState';
import type { PromptState } from './actions';

// The workflow's prompts and dialogs: the source of an attribution, a new flag, and the question
// before a deletion that dissolves flags. What they decide goes back to useWorkflow.

export interface WorkflowDialogState {
  prompt: PromptState | null;
  flagDraft: number[] | null;
  confirm: { id: number; dissolves: Flag[] } | null;
}

interface Props extends WorkflowDialogState {
  store: DocumentStore;
  onCite(pending: Promise<Annotation | undefined>, source: { id: number } | { create: NewSource }): void;
  onUpdateSource(id: number, patch: { aliases: string[] }): void;
  onClosePrompt(): void;
  onFlag(memberIds: number[], explanation: string): void;
  onCloseFlag(): void;
  onConfirmDelete(id: number): void;
  onCancelDelete(): void;
}

export function WorkflowDialogs({ store, prompt, flagDraft, confirm, onCite, onUpdateSource, onClosePrompt, onFlag, onCloseFlag, onConfirmDelete, onCancelDelete }: Props) {
  const sources = useDocState(store, (s) => s.sources);
  const ix = useDocState(store, (s) => s.ix);
  return (
    <>
      {prompt && (
        <SourcePrompt
          phrase={prompt.phrase}
          anchor={prompt.anchor}
          sources={sources}
          currentSourceId={prompt.annotationId === null ? null : (ix.citedSource.get(prompt.annotationId) ?? null)}
          onPick={(id) => onCite(prompt.annotation, { id })}
          onPickWithAlias={(id, alias) => {
            const source = sources.find((s) => s.id === id);
            if (source && !source.aliases.includes(alias) && source.name !== alias) onUpdateSource(id, { aliases: [...source.aliases, alias] });
            onCite(prompt.annotation, { id });
          }}
          onCreate={(source) => onCite(prompt.annotation, { create: source })}
          onClose={onClosePrompt}
        />
      )}
      {flagDraft && (
        <FlagDialog
          claims={flagDraft.map((id) => ix.byId.get(id)).filter((a): a is Annotation => !!a)}
          onClose={onCloseFlag}
          onCreate={(explanation) => onFlag(flagDraft, explanation)}
        />
      )}
      {confirm && (
        <ConfirmDialog title="Delete this claim?" confirmLabel="Delete claim and dissolve" onCancel={onCancelDelete} onConfirm={() => onConfirmDelete(confirm.id)}>
          <p>
            {confirm.dissolves.length === 1 ? 'It is one of the two claims of this flag, which will dissolve:' : 'These flags will dissolve, each left with one claim:'}
          </p>
          <ul>
            {confirm.dissolves.map((f) => (
              <li key={f.id}>⚑ {f.explanation ? shorten(f.explanation, 120) : 'Inconsistency'}</li>
            ))}
          </ul>
          <p className="cs-hint">Undo (Ctrl+Z) brings both back.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
