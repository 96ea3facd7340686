import { useState } from 'react';
import { Button, Dialog, Form, Heading, Label, Modal, ModalOverlay, TextArea, TextField } from 'react-aria-components';
import type { Annotation } from '../../../common/domain';
import { shorten } from '../panel/model';

// I on two or more selected claims: say how they contradict each other, then Enter.

interface Props {
  claims: readonly Annotation[];
  onCreate(explanation: string): void;
  onClose(): void;
}

export function FlagDialog({ claims, onCreate, onClose }: Props) {
  const [explanation, setExplanation] = useState('');
  return (
    <ModalOverlay isOpen isDismissable onOpenChange={(open) => !open && onClose()} className="cs-overlay">
      <Modal className="cs-modal">
        <Dialog className="cs-dialog" aria-label="Flag an inconsistency">
          <Heading slot="title">Flag an inconsistency between {claims.length} claims</Heading>
          <ol className="cs-flag-claims">
            {claims.map((c) => (
              <li key={c.id}>“{shorten(c.exact, 140)}”</li>
            ))}
          </ol>
          <Form
            onSubmit={(e) => {
              e.preventDefault();
              onCreate(explanation);
            }}
          >
            <TextField value={explanation} onChange={setExplanation} autoFocus className="cs-textfield">
              <Label className="cs-field-label">Explanation</Label>
              <TextArea
                className="cs-input cs-textarea"
                rows={3}
                placeholder="sixth conversation this year vs at least five since January"
                onKeyDown={(e) => {
                  // Enter flags; Shift+Enter starts a new line.
                  if (e.key === 'Enter' && !e.shiftKey) {
                    e.preventDefault();
                    onCreate(explanation);
                  }
                }}
              />
            </TextField>
            <div className="cs-dialog-buttons">
              <Button className="cs-button" onPress={onClose}>
                Cancel
              </Button>
              <Button type="submit" className="cs-button cs-primary">
                Flag (Enter)
              </Button>
            </div>
          </Form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
