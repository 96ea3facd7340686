import { ClaimscopeError } from '../../common/errors';
import type { ChangeSet } from '../../common/domain';
import { ChangeRecorder } from '../../db/changes';
import { toChangeSet } from '../../db/changeset';
import type { DB } from '../../db/connection';
import { Store } from '../../db/store';
import type { ImportOptions } from '../core/import';
import type { AssistantWorker } from './assistant';
import type { ImportLimits } from './importer';
import type { WorkspaceLink } from '../../common/workspace';

export interface ServiceOptions {
  import?: ImportOptions;
  /** Time and memory limits of each import's worker thread. */
  importLimits?: ImportLimits;
  /** The assistant's worker thread; one is made when none is given. */
  assistant?: AssistantWorker;
  /** Renders report HTML to PDF (Electron's printToPDF in the app); default: headless Chromium. */
  renderPdf?: (html: string) => Promise<Uint8Array>;
  /** The team workspace's link (main/sync through the wiring); without it the workspace methods say so. */
  workspace?: WorkspaceLink;
  /** Told after each write transaction commits (the workspace pushes it at once). */
  afterWrite?: () => void;
}

/** The undo label of a note edit (of a claim, a flag or a source). */
export const EDIT_NOTE = 'Edit note';
/**
 * A note is saved as it is typed (a pause of 400 ms saves it); saves of one note closer together
 * than this are one burst of writing and one undo step, as a text editor groups typing.
 */
const NOTE_BURST_MS = 5_000;

/** What every handler works with: the database, its store, and one way to make undoable writes. */
export class ServiceContext {
  readonly store: Store;
  constructor(
    readonly db: DB,
    readonly options: ServiceOptions = {},
  ) {
    this.store = new Store(db);
  }

  /**
   * Runs `fn` in one IMMEDIATE transaction (so concurrent writers queue instead of deadlocking),
   * records its row changes as one undoable operation, and returns what `fn` returned with the
   * change set every write answers with.
   */
  write<T>(documentId: number | null, label: string, fn: (rec: ChangeRecorder) => T): { value: T; changes: ChangeSet } {
    this.requireWriter(label);
    const run = this.db.transaction(() => {
      this.store.sync.nextTransaction(label);
      const rec = new ChangeRecorder(this.db, (c) => {
        if (c.table === 'annotations' && c.after) {
          this.store.annotations.noteLength(Number(c.after.document_id), Number(c.after.end_offset) - Number(c.after.start_offset));
        }
      }, this.author());
      const value = fn(rec);
      // Within the transaction too: a later step of this write may look up overlaps.
      if (rec.changes.length > 0) {
        const folded = label === EDIT_NOTE && documentId !== null && this.store.operations.extendLast(documentId, label, rec.changes, NOTE_BURST_MS);
        if (!folded) this.store.operations.record(documentId, label, rec.changes);
      }
      return { value, changes: toChangeSet(this.store, documentId, rec.changes) };
    });
    return this.committed(run.immediate());
  }

  /**
   * As `write`, for a write made in a case (claim groups): recorded in the case's own undo history
   * (undoCase / redoCase), answering with the claim groups it changed and the case's undo state.
   */
  writeCase<T>(caseId: number, label: string, fn: (rec: ChangeRecorder) => T): { value: T; changes: ChangeSet } {
    this.requireWriter(label);
    const run = this.db.transaction(() => {
      this.store.sync.nextTransaction(label);
      const rec = new ChangeRecorder(this.db, undefined, this.author());
      const value = fn(rec);
      if (rec.changes.length > 0) this.store.operations.record(null, label, rec.changes, caseId);
      const changes = toChangeSet(this.store, null, rec.changes);
      return { value, changes: { ...changes, claimGroups: changes.claimGroups ?? { upserted: [], removed: [] }, caseHistory: this.store.operations.caseHistory(caseId) } };
    });
    return this.committed(run.immediate());
  }

  /** Runs `fn` in an IMMEDIATE transaction without recording an undoable operation. */
  transaction<T>(fn: () => T, label = ''): T {
    return this.committed(
      this.db
        .transaction(() => {
          this.store.sync.nextTransaction(label);
          return fn();
        })
        .immediate(),
    );
  }

  private committed<T>(value: T): T {
    this.options.afterWrite?.();
    return value;
  }

  /**
   * A reader of the team workspace cannot write: said here at once, rather than after the server
   * (which enforces it itself) refuses the change and it is taken back.
   */
  private requireWriter(label: string): void {
    const meta = this.store.sync.meta();
    if (meta.role === 'reader' && meta.capture === 1) {
      throw new ClaimscopeError('unauthorized', `${label}: you are a reader in this workspace; ask its owner for the analyst role to change it`);
    }
  }

  /** Who writes: the analyst's name in the workspace when this library is in one, else the name in settings. */
  author(): string {
    return this.store.sync.meta().member ?? this.store.settings.all().analystName;
  }

  requireText(documentId: number): string {
    const text = this.store.documents.text(documentId);
    if (text === null) throw notFound('document', documentId);
    return text;
  }
}

export function notFound(what: string, id: number): ClaimscopeError {
  return new ClaimscopeError('not_found', `${what} ${id} does not exist (it may have been deleted); reload the library`);
}

export function nowIso(): string {
  return new Date().toISOString();
}
