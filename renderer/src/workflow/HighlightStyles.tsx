import { memo, useMemo } from 'react';
import type { Annotation } from '../../../common/domain';

// Styles the editor's decorations cannot carry on their own. Overlapping decorations merge into
// one span whose classes name every annotation in it (cs-id-N), so a rule per pair finds where
// two claims share words, and rules per id outline the extra members of a multi-selection.

/** Most pairs drawn: beyond this, overlaps keep the plain claim style. */
const MAX_PAIRS = 2000;

export function overlappingClaimPairs(annotations: readonly Annotation[]): Array<[number, number]> {
  const claims = annotations.filter((a) => a.kind === 'claim').sort((a, b) => a.start - b.start);
  const pairs: Array<[number, number]> = [];
  let active: Annotation[] = [];
  for (const c of claims) {
    active = active.filter((x) => x.end > c.start);
    for (const x of active) {
      pairs.push([x.id, c.id]);
      if (pairs.length >= MAX_PAIRS) return pairs;
    }
    active.push(c);
  }
  return pairs;
}

export const HighlightStyles = memo(function HighlightStyles({
  annotations,
  alsoSelected,
}: {
  annotations: readonly Annotation[];
  alsoSelected: readonly number[];
}) {
  const overlapCss = useMemo(() => {
    const pairs = overlappingClaimPairs(annotations);
    if (pairs.length === 0) return '';
    return `${pairs.map(([a, b]) => `.cs-document .cs-id-${a}.cs-id-${b}`).join(',\n')} { background: var(--claim-bg-2); --kind-line: inset 0 -2px 0 var(--claim-line), inset 0 -4px 0 var(--surface), inset 0 -6px 0 var(--claim-line); }`;
  }, [annotations]);
  // The other members of a multi-selection: the selected outline in a lighter shade, one shape
  // across the pieces each is drawn in (its first piece closes the left, its last the right).
  const selectionCss = alsoSelected
    .map((id) => {
      const c = `.cs-document .cs-id-${id}`;
      return (
        `${c} { --sel-t: 0 -2px 0 0 var(--also-selected); --sel-b: 0 2px 0 0 var(--also-selected); }\n` +
        `${c}:not(.cs-id-${id} + .cs-id-${id}) { --sel-l: -2px 0 0 0 var(--also-selected); }\n` +
        `${c}:not(:has(+ .cs-id-${id})) { --sel-r: 2px 0 0 0 var(--also-selected); }`
      );
    })
    .join('\n');
  return <style data-claimscope="highlights">{overlapCss + '\n' + selectionCss}</style>;
});
