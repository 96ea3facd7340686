import { useState } from 'react';
import { Button, Dialog, Form, Heading, Input, Label, Modal, ModalOverlay, Text, TextField } from 'react-aria-components';
import type { Client } from '../../../common/api';
import { LIMITS, type Settings } from '../../../common/domain';
import { useSettings } from './useSettings';
import '../assessment/assessment.css';

// The analyst's settings: for now their name, which every report's header shows and the PDF gives
// as its author. Not part of any document, so not undoable. Enter saves, Escape closes.

interface Props {
  isOpen: boolean;
  client: Client;
  onClose(): void;
  /** After a save: the settings as stored (for a toast, say). */
  onSaved?(settings: Settings): void;
}

export function SettingsDialog({ isOpen, client, onClose, onSaved }: Props) {
  return (
    <ModalOverlay isOpen={isOpen} isDismissable onOpenChange={(open) => !open && onClose()} className="cs-overlay">
      <Modal className="cs-modal cs-modal-narrow">
        <Dialog className="cs-dialog" aria-labelledby="cs-settings-title">
          {/* Mounted only while open: each opening reads the stored settings afresh. */}
          <SettingsForm client={client} onClose={onClose} onSaved={onSaved} />
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function SettingsForm({ client, onClose, onSaved }: Omit<Props, 'isOpen'>) {
  const { settings, error, save } = useSettings(client);
  const [name, setName] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const value = name ?? settings?.analystName ?? '';

  const submit = async () => {
    setSaving(true);
    const stored = await save({ analystName: value.trim() });
    setSaving(false);
    if (stored) {
      onSaved?.(stored);
      onClose();
    }
  };

  return (
    <>
      <Heading slot="title" id="cs-settings-title">
        Settings
      </Heading>
      <Form
        className="cs-settings-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {settings === null && error === null ? (
          <p className="cs-assessment-status" role="status">
            Loading…
          </p>
        ) : (
          // Mounted once the stored name is in, so it gets the focus with its value.
          <TextField className="cs-textfield" value={value} onChange={setName} maxLength={LIMITS.analystName} autoFocus>
            <Label className="cs-field-label">Analyst name</Label>
            <Input className="cs-input" placeholder="Your name, as reports should give it" autoComplete="name" />
            <Text slot="description" className="cs-assessment-help">
              Shown in every report’s header and as the PDF’s author. Leave empty to leave it out.
            </Text>
          </TextField>
        )}
        {error && (
          <p className="cs-settings-error" role="alert">
            {error}
          </p>
        )}
        <div className="cs-dialog-buttons">
          <Button className="cs-button" onPress={onClose} isDisabled={saving}>
            Cancel
          </Button>
          <Button type="submit" className="cs-button cs-primary" isDisabled={saving || (settings === null && error === null)}>
            Save (Enter)
          </Button>
        </div>
      </Form>
    </>
  );
}
