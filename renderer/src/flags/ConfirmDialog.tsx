import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

// Asks before an action with consequences beyond its target (deleting a claim that dissolves a flag).

interface Props {
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel }: Props) {
  return (
    <ModalOverlay isOpen isDismissable onOpenChange={(open) => !open && onCancel()} className="cs-overlay">
      <Modal className="cs-modal cs-modal-narrow">
        <Dialog className="cs-dialog" role="alertdialog" aria-label={title}>
          <Heading slot="title">{title}</Heading>
          <div className="cs-confirm-body">{children}</div>
          <div className="cs-dialog-buttons">
            <Button className="cs-button" onPress={onCancel} autoFocus>
              Cancel
            </Button>
            <Button className="cs-button cs-danger" onPress={onConfirm}>
              {confirmLabel}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
