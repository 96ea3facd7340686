import { useState } from 'react';
import { Input, Label, TextField } from 'react-aria-components';

// A text field that saves when the analyst presses Enter or leaves it (one undoable step), not
// on every keystroke; Escape puts the stored value back.

interface Props {
  label: string;
  value: string;
  onCommit(value: string): void;
  placeholder?: string;
  /** Refuse empty values (a source's name). */
  required?: boolean;
  inputRef?: React.Ref<HTMLInputElement>;
}

export function CommitField({ label, value, onCommit, placeholder, required, inputRef }: Props) {
  const [text, setText] = useState(value);
  // A new stored value (saved, undone, another item) replaces what is in the field.
  const [stored, setStored] = useState(value);
  if (value !== stored) {
    setStored(value);
    setText(value);
  }
  const commit = () => {
    if (required && text.trim() === '') {
      setText(value);
      return;
    }
    if (text !== value) onCommit(text);
  };
  return (
    <TextField className="cs-textfield" value={text} onChange={setText} onBlur={commit}>
      <Label className="cs-field-label">{label}</Label>
      <Input
        ref={inputRef}
        className="cs-input"
        placeholder={placeholder}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Escape' && text !== value) {
            e.preventDefault();
            e.stopPropagation();
            setText(value);
          }
        }}
      />
    </TextField>
  );
}
