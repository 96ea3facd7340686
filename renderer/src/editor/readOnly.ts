import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

// The source text is evidence: the editor is focusable, with a caret and keyboard selection, but no
// input of any kind reaches the document. Transactions that would change it are dropped, and
// ProseMirror redraws anything the browser altered on its own.

export const readOnlyKey = new PluginKey('claimscopeReadOnly');

export const ReadOnlyText = Extension.create({
  name: 'claimscopeReadOnly',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: readOnlyKey,
        filterTransaction: (tr) => !tr.docChanged,
        props: {
          handleTextInput: () => true,
          handlePaste: () => true,
          handleDrop: () => true,
          handleDOMEvents: {
            beforeinput: (_view, event) => {
              event.preventDefault();
              return true;
            },
            cut: (_view, event) => {
              event.preventDefault();
              return true;
            },
            dragstart: (_view, event) => {
              event.preventDefault();
              return true;
            },
          },
        },
      }),
    ];
  },
});
