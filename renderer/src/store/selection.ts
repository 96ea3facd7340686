import type { Annotation } from '../../../common/domain';
import type { Indexes } from './indexes';

/** The selected tag (`primary`) and the rest of a multi-selection (Ctrl+click): claims to flag, claims to link. */
export interface Selection {
  primary: number | null;
  also: readonly number[];
}

export const NO_SELECTION: Selection = { primary: null, also: [] };

/** The next selection after a click: a plain click selects one; with a modifier it adds or removes. */
export function nextSelection(current: Selection, id: number | null, add: boolean): Selection {
  if (!add || id === null) return id === current.primary && current.also.length === 0 ? current : { primary: id, also: [] };
  const all = [...current.also, ...(current.primary === null ? [] : [current.primary])];
  if (all.includes(id)) {
    const rest = all.filter((x) => x !== id);
    return { primary: rest.length ? rest[rest.length - 1]! : null, also: rest.slice(0, -1) };
  }
  return { primary: id, also: all };
}

/** Every selected id, the primary last. */
export function selectedIds(selection: Selection): number[] {
  return [...selection.also, ...(selection.primary === null ? [] : [selection.primary])];
}

/** The selected annotations, split as the keys use them. */
export function selectedAnnotations(selection: Selection, ix: Pick<Indexes, 'byId'>): {
  primary: Annotation | null;
  claims: Annotation[];
  attributions: Annotation[];
} {
  const all = selectedIds(selection)
    .map((id) => ix.byId.get(id))
    .filter((a): a is Annotation => !!a);
  return {
    primary: selection.primary === null ? null : (ix.byId.get(selection.primary) ?? null),
    claims: all.filter((a) => a.kind === 'claim'),
    attributions: all.filter((a) => a.kind === 'attribution'),
  };
}
