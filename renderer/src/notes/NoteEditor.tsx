import { Markdown } from '@tiptap/markdown';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { forwardRef, useCallback, useEffect, useEffectEvent, useImperativeHandle, useRef, useState } from 'react';
import { Button, Dialog, DialogTrigger, Form, Input, Label, Popover, TextField, ToggleButton } from 'react-aria-components';

// A small rich-text editor for the note of a claim, attribution, flag or source. Notes are stored
// as Markdown (readable in text and CSV exports) and saved while the analyst types: after a pause,
// and at once when the editor loses focus or closes, so nothing typed is lost.

export const NOTE_SAVE_DELAY_MS = 400;

export interface NoteEditorHandle {
  focus(): void;
  flush(): void;
}

interface Props {
  /** The stored note, Markdown. Shown again when it changes from outside (undo, another window). */
  value: string;
  onSave(markdown: string): void;
  /** Accessible name: "Note on this claim". */
  label: string;
}

const EXTENSIONS = [
  StarterKit.configure({
    blockquote: false,
    code: false,
    codeBlock: false,
    dropcursor: false,
    gapcursor: false,
    heading: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    trailingNode: false,
    link: {
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: 'https',
      protocols: ['http', 'https', 'mailto'],
      HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
    },
  }),
  Markdown,
];

function markdownOf(editor: Editor): string {
  return editor.isEmpty ? '' : editor.getMarkdown().trim();
}

/** Makes a typed address a link target: a scheme is added when missing; only web and mail links. */
export function normaliseHref(raw: string): string | null {
  const t = raw.trim();
  if (!t) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(t) ? t : `https://${t}`;
  try {
    const url = new URL(withScheme);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.toString() : null;
  } catch {
    return null;
  }
}

export const NoteEditor = forwardRef<NoteEditorHandle, Props>(function NoteEditor({ value, onSave, label }, ref) {
  /** The note as last saved (or shown from outside): what a flush compares with. */
  const saved = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [linkOpen, setLinkOpen] = useState(false);

  const flush = useCallback(
    (ed: Editor) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (ed.isDestroyed) return;
      const md = markdownOf(ed);
      if (md !== saved.current) {
        saved.current = md;
        onSave(md);
      }
    },
    [onSave],
  );

  // TipTap calls the latest render's callbacks, so they see this render's `flush`.
  const editor = useEditor({
    extensions: EXTENSIONS,
    content: value,
    contentType: 'markdown',
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: { class: 'cs-note-content', 'aria-label': label, 'aria-multiline': 'true', role: 'textbox' },
      handleKeyDown: (_view, event) => {
        if (event.key === 'Escape') {
          // Done writing: saved at once, and the keys belong to the document again.
          if (editor) flush(editor);
          document.querySelector<HTMLElement>('.cs-document')?.focus({ preventScroll: true });
          return true;
        }
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
          event.preventDefault();
          setLinkOpen(true);
          return true;
        }
        return false;
      },
      handleDOMEvents: {
        // Links in notes never navigate the app; Ctrl+click opens them outside it.
        click: (_view, event) => {
          const a = (event.target as HTMLElement | null)?.closest?.('a');
          if (!a) return false;
          event.preventDefault();
          if (event.ctrlKey || event.metaKey) {
            const href = normaliseHref(a.getAttribute('href') ?? '');
            if (href) window.open(href, '_blank', 'noopener,noreferrer');
          }
          return true;
        },
      },
    },
    onUpdate: ({ editor: ed }) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => flush(ed), NOTE_SAVE_DELAY_MS);
    },
    onBlur: ({ editor: ed }) => flush(ed),
  });

  // Flush on close: the component unmounts when the analyst moves to another item.
  const flushOnClose = useEffectEvent(() => {
    if (editor) flush(editor);
  });
  useEffect(() => () => flushOnClose(), []);

  // A change from outside (undo, redo) shows up unless the analyst is typing here.
  useEffect(() => {
    if (!editor || editor.isDestroyed || value === saved.current) return;
    if (editor.isFocused && timer.current) return;
    saved.current = value;
    editor.commands.setContent(value, { contentType: 'markdown', emitUpdate: false });
  }, [editor, value]);

  useImperativeHandle(
    ref,
    () => ({
      focus: () => editor?.commands.focus('end'),
      flush: () => {
        if (editor) flush(editor);
      },
    }),
    [editor, flush],
  );

  const active = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      e
        ? { bold: e.isActive('bold'), italic: e.isActive('italic'), bullet: e.isActive('bulletList'), ordered: e.isActive('orderedList'), link: e.isActive('link'), href: (e.getAttributes('link').href as string | undefined) ?? '' }
        : { bold: false, italic: false, bullet: false, ordered: false, link: false, href: '' },
  });

  if (!editor) return null;
  const chain = () => editor.chain().focus();
  return (
    <div className="cs-note">
      <div className="cs-note-toolbar" role="toolbar" aria-label={`${label}: formatting`}>
        <ToggleButton className="cs-tool" aria-label="Bold (Ctrl+B)" isSelected={active.bold} onChange={() => chain().toggleBold().run()} excludeFromTabOrder>
          <b>B</b>
        </ToggleButton>
        <ToggleButton className="cs-tool" aria-label="Italic (Ctrl+I)" isSelected={active.italic} onChange={() => chain().toggleItalic().run()} excludeFromTabOrder>
          <i>I</i>
        </ToggleButton>
        <ToggleButton className="cs-tool" aria-label="Bulleted list (Ctrl+Shift+8)" isSelected={active.bullet} onChange={() => chain().toggleBulletList().run()} excludeFromTabOrder>
          • List
        </ToggleButton>
        <ToggleButton className="cs-tool" aria-label="Numbered list (Ctrl+Shift+7)" isSelected={active.ordered} onChange={() => chain().toggleOrderedList().run()} excludeFromTabOrder>
          1. List
        </ToggleButton>
        <DialogTrigger isOpen={linkOpen} onOpenChange={setLinkOpen}>
          <ToggleButton className="cs-tool" aria-label="Link (Ctrl+K)" isSelected={active.link} onChange={() => setLinkOpen(true)} excludeFromTabOrder>
            Link
          </ToggleButton>
          <Popover className="cs-popover" placement="bottom start">
            <Dialog className="cs-popover-dialog" aria-label="Link">
              {({ close }) => (
                <LinkForm
                  initial={active.href}
                  onApply={(href) => {
                    if (href === null) chain().extendMarkRange('link').unsetLink().run();
                    else if (editor.state.selection.empty && !active.link) chain().insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
                    else chain().extendMarkRange('link').setLink({ href }).run();
                    close();
                  }}
                />
              )}
            </Dialog>
          </Popover>
        </DialogTrigger>
      </div>
      <EditorContent editor={editor} className="cs-note-editor" />
    </div>
  );
});

function LinkForm({ initial, onApply }: { initial: string; onApply(href: string | null): void }) {
  const [text, setText] = useState(initial);
  const href = normaliseHref(text);
  return (
    <Form
      className="cs-link-form"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(text.trim() === '' ? null : href);
      }}
    >
      <TextField value={text} onChange={setText} autoFocus isInvalid={text.trim() !== '' && href === null}>
        <Label>Address (empty removes the link)</Label>
        <Input placeholder="https://…" />
      </TextField>
      <Button type="submit" className="cs-button" isDisabled={text.trim() !== '' && href === null}>
        Apply
      </Button>
    </Form>
  );
}
