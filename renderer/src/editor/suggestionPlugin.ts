import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { StoredSuggestion } from '../../../common/domain';
import type { TextMap } from './textMap';

// The assistant's pending suggestions as subtle dotted underlines, under the analyst's own tags.

export type SuggestionAction = { type: 'set'; suggestions: readonly StoredSuggestion[]; map: TextMap; selectedId: number | null };

export const suggestionPluginKey = new PluginKey<DecorationSet>('claimscopeSuggestions');

/** Claims are many on a long text; only the more check-worthy ones are underlined. */
export const CLAIM_UNDERLINE_SCORE = 0.6;

function spansOf(s: StoredSuggestion): Array<{ start: number; end: number }> {
  const body = s.suggestion;
  if (body.type === 'inconsistency') return body.spans;
  if (body.type === 'claim' && body.score < CLAIM_UNDERLINE_SCORE) return [];
  return [body.span];
}

export const SuggestionDecorations = Extension.create({
  name: 'claimscopeSuggestions',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: suggestionPluginKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set, _old, state) {
            const action = tr.getMeta(suggestionPluginKey) as SuggestionAction | undefined;
            if (!action) return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
            const decos: Decoration[] = [];
            for (const s of action.suggestions) {
              for (const span of spansOf(s)) {
                const from = action.map.toPos(span.start, 1);
                const to = action.map.toPos(span.end, -1);
                if (to <= from) continue;
                const selected = s.id === action.selectedId ? ' cs-suggestion-selected' : '';
                decos.push(Decoration.inline(from, to, { class: `cs-suggestion cs-suggestion-${s.suggestion.type} cs-sid-${s.id}${selected}` }, { id: s.id }));
              }
            }
            return DecorationSet.create(state.doc, decos);
          },
        },
        props: {
          decorations: (state) => suggestionPluginKey.getState(state),
        },
      }),
    ];
  },
});
