import type { Handlers } from '../../common/api';
import type { NewSource, Source } from '../../common/domain';
import { ClaimscopeError } from '../../common/errors';
import type { ChangeRecorder, Row } from '../../db/changes';
import { nowIso, type ServiceContext } from './context';
import {
  documentRelations,
  getSource,
  quoted,
  relationsIfDocument,
  requireAnnotation,
  requireDocument,
  requireSource,
} from './relations';

// The source register is workspace-wide. Its edits are recorded under the document the analyst
// works in (when given), so Ctrl+Z there undoes them like any other action.

/** Aliases trimmed, without repeats (case-insensitive) and without the name itself. */
export function normaliseAliases(aliases: readonly string[], name: string): string[] {
  const seen = new Set([name.trim().toLowerCase()]);
  const out: string[] = [];
  for (const raw of aliases) {
    const alias = raw.trim();
    const key = alias.toLowerCase();
    if (!alias || seen.has(key)) continue;
    seen.add(key);
    out.push(alias);
  }
  return out;
}

function refuseDuplicateName(ctx: ServiceContext, name: string, exceptId: number | null): void {
  const other = ctx.db
    .prepare('SELECT id FROM sources WHERE lower(name) = lower(?) AND id IS NOT ? LIMIT 1')
    .pluck()
    .get(name.trim(), exceptId) as number | undefined;
  if (other !== undefined) {
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
  const ids = ctx.db.prepare('SELECT id FROM links WHERE to_source_id = ?').pluck().all(sourceId) as number[];
  for (const id of ids) rec.delete('links', id);
}

function updateLabel(before: Source, patch: Row): string {
  const keys = Object.keys(patch);
  if (keys.length === 1 && keys[0] === 'name') return `Rename source ${quoted(before.name)} to ${quoted(String(patch.name))}`;
  if (keys.length === 1 && keys[0] === 'reliability') return `Grade ${quoted(before.name)} ${String(patch.reliability)}`;
  if (keys.length === 1 && keys[0] === 'note') return 'Edit note';
  return `Edit source ${quoted(before.name)}`;
}

export function sourceHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'createSource' | 'updateSource' | 'mergeSources' | 'deleteSource' | 'setAnnotationSource'> {
  return {
    createSource({ documentId, ...fields }) {
      requireDocument(ctx, documentId);
      const id = ctx.write(documentId ?? null, `Create source ${quoted(fields.name.trim())}`, (rec) => insertSource(ctx, rec, fields));
      return { source: getSource(ctx, id)!, relations: relationsIfDocument(ctx, documentId) };
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
      if (Object.keys(patch).length > 0) {
        ctx.write(documentId ?? null, updateLabel(before, patch), (rec) => {
          if (patch.name !== undefined) refuseDuplicateName(ctx, String(patch.name), id);
          rec.update('sources', id, patch);
        });
      }
      return { source: getSource(ctx, id)!, relations: relationsIfDocument(ctx, documentId) };
    },

    mergeSources({ intoId, fromId, documentId }) {
      requireDocument(ctx, documentId);
      const into = requireSource(ctx, intoId);
      const from = requireSource(ctx, fromId);
      ctx.write(documentId ?? null, `Merge source ${quoted(from.name)} into ${quoted(into.name)}`, (rec) => {
        const links = ctx.db.prepare('SELECT id, from_id FROM links WHERE to_source_id = ? ORDER BY id').all(fromId) as Array<{
          id: number;
          from_id: number;
        }>;
        const citesInto = ctx.db.prepare('SELECT 1 FROM links WHERE from_id = ? AND to_source_id = ?');
        for (const link of links) {
          // An annotation that cited both keeps one link, not two to the same source.
          if (citesInto.get(link.from_id, intoId) !== undefined) rec.delete('links', link.id);
          else rec.update('links', link.id, { to_source_id: intoId });
        }
        const aliases = normaliseAliases([...into.aliases, from.name, ...from.aliases], into.name);
        const note = [into.note, from.note].filter((n) => n.trim() !== '').join('\n\n');
        rec.update('sources', intoId, { aliases: JSON.stringify(aliases), note });
        rec.delete('sources', fromId);
      });
      return { source: getSource(ctx, intoId)!, relations: relationsIfDocument(ctx, documentId) };
    },

    deleteSource({ id, documentId }) {
      requireDocument(ctx, documentId);
      const source = requireSource(ctx, id);
      ctx.write(documentId ?? null, `Delete source ${quoted(source.name)}`, (rec) => {
        deleteCitations(ctx, rec, id);
        rec.delete('sources', id);
      });
      return { deleted: id, relations: relationsIfDocument(ctx, documentId) };
    },

    setAnnotationSource({ annotationId, source }) {
      const annotation = requireAnnotation(ctx, annotationId);
      const label =
        source === null
          ? 'Remove source'
          : 'create' in source
            ? `Cite new source ${quoted(source.create.name.trim())}`
            : `Cite ${quoted(requireSource(ctx, source.id).name)}`;
      const sourceId = ctx.write(annotation.documentId, label, (rec) => {
        const current = ctx.db
          .prepare('SELECT id, to_source_id FROM links WHERE from_id = ? AND to_source_id IS NOT NULL ORDER BY id')
          .all(annotationId) as Array<{ id: number; to_source_id: number }>;
        let target: number | null = null;
        if (source !== null) target = 'create' in source ? insertSource(ctx, rec, source.create) : requireSource(ctx, source.id).id;
        // One source per annotation: citing another replaces it.
        if (current.length === 1 && current[0]!.to_source_id === target) return target;
        for (const link of current) rec.delete('links', link.id);
        if (target !== null) rec.insert('links', { from_id: annotationId, to_annotation_id: null, to_source_id: target });
        return target;
      });
      return {
        source: sourceId === null ? null : getSource(ctx, sourceId),
        relations: documentRelations(ctx, annotation.documentId),
      };
    },
  };
}
