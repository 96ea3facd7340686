import type { Handlers } from '../../common/api';
import type { ChangeSet, NewSource, Source } from '../../common/domain';
import { ClaimscopeError } from '../../common/errors';
import { nameKey } from '../../common/selectors';
import type { ChangeRecorder, Row } from '../../db/changes';
import { EDIT_NOTE, nowIso, type ServiceContext } from './context';
import { emptyChangeSet } from '../../db/changeset';
import { getSource, quoted, requireAnnotation, requireDocument, requireSource } from './relations';

// The source register is workspace-wide. Its edits are recorded under the document the analyst
// works in (when given), so Ctrl+Z there undoes them like any other action.

/** Aliases trimmed, without repeats (case-insensitive) and without the name itself. */
export function normaliseAliases(aliases: readonly string[], name: string): string[] {
  const seen = new Set([nameKey(name)]);
  const out: string[] = [];
  for (const raw of aliases) {
    const alias = raw.trim();
    const key = nameKey(alias);
    if (!alias || seen.has(key)) continue;
    seen.add(key);
    out.push(alias);
  }
  return out;
}

function refuseDuplicateName(ctx: ServiceContext, name: string, exceptId: number | null): void {
  if (ctx.store.sources.idByName(name.trim(), exceptId) !== null) {
    throw new ClaimscopeError('conflict', `a source named ${quoted(name.trim())} already exists; pick it, or merge the two`);
  }
}

/** Inserts a source as a recorded change; returns its id. */
export function insertSource(ctx: ServiceContext, rec: ChangeRecorder, fields: NewSource): number {
  const name = fields.name.trim();
  refuseDuplicateName(ctx, name, null);
  return rec.insert('sources', {
    name,
    type: fields.type ?? 'other',
    aliases: JSON.stringify(normaliseAliases(fields.aliases ?? [], name)),
    reliability: fields.reliability ?? 'F',
    note: fields.note ?? '',
    created_at: nowIso(),
  });
}

/** Deletes every link that cites a source, each as a recorded change (the foreign key would not record them). */
function deleteCitations(ctx: ServiceContext, rec: ChangeRecorder, sourceId: number): void {
  for (const link of ctx.store.links.citing(sourceId)) rec.delete('links', link.id);
}

/**
 * Makes `sourceId` the one source an annotation cites (null: none), as recorded changes: citing
 * another replaces it, citing the same one again writes nothing.
 */
export function citeOnly(ctx: ServiceContext, rec: ChangeRecorder, annotationId: number, sourceId: number | null): void {
  const current = ctx.store.links.citationsOf(annotationId);
  if (current.length === 1 && current[0]!.toSourceId === sourceId) return;
  for (const link of current) rec.delete('links', link.id);
  if (sourceId !== null) rec.insert('links', { from_id: annotationId, to_annotation_id: null, to_source_id: sourceId });
}

/** The answer of an edit that changed nothing. */
function unchanged(ctx: ServiceContext, documentId: number | undefined): ChangeSet {
  return emptyChangeSet(documentId ?? null, documentId === undefined ? null : ctx.store.operations.history(documentId));
}

function updateLabel(before: Source, patch: Row): string {
  const keys = Object.keys(patch);
  if (keys.length === 1 && keys[0] === 'name') return `Rename source ${quoted(before.name)} to ${quoted(String(patch.name))}`;
  if (keys.length === 1 && keys[0] === 'reliability') return `Grade ${quoted(before.name)} ${String(patch.reliability)}`;
  if (keys.length === 1 && keys[0] === 'note') return EDIT_NOTE;
  return `Edit source ${quoted(before.name)}`;
}

export function sourceHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'createSource' | 'updateSource' | 'mergeSources' | 'deleteSource' | 'setAnnotationSource'> {
  return {
    createSource({ documentId, ...fields }) {
      requireDocument(ctx, documentId);
      const { value: id, changes } = ctx.write(documentId ?? null, `Create source ${quoted(fields.name.trim())}`, (rec) => insertSource(ctx, rec, fields));
      return { source: changes.sources.upserted.find((s) => s.id === id)!, changes };
    },

    updateSource({ id, documentId, name, type, aliases, reliability, note }) {
      requireDocument(ctx, documentId);
      const before = requireSource(ctx, id);
      const patch: Row = {};
      if (name !== undefined && name !== before.name) patch.name = name;
      if (type !== undefined && type !== before.type) patch.type = type;
      if (reliability !== undefined && reliability !== before.reliability) patch.reliability = reliability;
      if (note !== undefined && note !== before.note) patch.note = note;
      if (aliases !== undefined || patch.name !== undefined) {
        const next = JSON.stringify(normaliseAliases(aliases ?? before.aliases, name ?? before.name));
        if (next !== JSON.stringify(before.aliases)) patch.aliases = next;
      }
      if (Object.keys(patch).length === 0) return { source: before, changes: unchanged(ctx, documentId) };
      const { changes } = ctx.write(documentId ?? null, updateLabel(before, patch), (rec) => {
        if (patch.name !== undefined) refuseDuplicateName(ctx, String(patch.name), id);
        rec.update('sources', id, patch);
      });
      return { source: changes.sources.upserted.find((s) => s.id === id)!, changes };
    },

    mergeSources({ intoId, fromId, documentId }) {
      requireDocument(ctx, documentId);
      const into = requireSource(ctx, intoId);
      const from = requireSource(ctx, fromId);
      const { changes } = ctx.write(documentId ?? null, `Merge source ${quoted(from.name)} into ${quoted(into.name)}`, (rec) => {
        for (const link of ctx.store.links.citing(fromId)) {
          // An annotation that cited both keeps one link, not two to the same source.
          if (ctx.store.links.cites(link.fromId, intoId)) rec.delete('links', link.id);
          else rec.update('links', link.id, { to_source_id: intoId });
        }
        const aliases = normaliseAliases([...into.aliases, from.name, ...from.aliases], into.name);
        const note = [into.note, from.note].filter((n) => n.trim() !== '').join('\n\n');
        rec.update('sources', intoId, { aliases: JSON.stringify(aliases), note });
        rec.delete('sources', fromId);
      });
      return { source: changes.sources.upserted.find((s) => s.id === intoId)!, changes };
    },

    deleteSource({ id, documentId }) {
      requireDocument(ctx, documentId);
      const source = requireSource(ctx, id);
      const { changes } = ctx.write(documentId ?? null, `Delete source ${quoted(source.name)}`, (rec) => {
        deleteCitations(ctx, rec, id);
        rec.delete('sources', id);
      });
      return { deleted: id, changes };
    },

    setAnnotationSource({ annotationId, source }) {
      const annotation = requireAnnotation(ctx, annotationId);
      const label =
        source === null
          ? 'Remove source'
          : 'create' in source
            ? `Cite new source ${quoted(source.create.name.trim())}`
            : `Cite ${quoted(requireSource(ctx, source.id).name)}`;
      const { value: sourceId, changes } = ctx.write(annotation.documentId, label, (rec) => {
        const target = source === null ? null : 'create' in source ? insertSource(ctx, rec, source.create) : requireSource(ctx, source.id).id;
        citeOnly(ctx, rec, annotationId, target);
        return target;
      });
      return { source: sourceId === null ? null : getSource(ctx, sourceId), changes };
    },
  };
}
