import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { SHORTCUTS } from '../shortcuts';

export function ShortcutsDialog({ isOpen, onClose }: { isOpen: boolean; onClose(): void }) {
  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={(open) => !open && onClose()} isDismissable className="cs-overlay">
      <Modal className="cs-modal">
        <Dialog className="cs-dialog" aria-label="Keyboard shortcuts">
          <Heading slot="title">Keyboard shortcuts</Heading>
          <table className="cs-shortcuts">
            <tbody>
              {SHORTCUTS.map((s) => (
                <tr key={s.keys}>
                  <td>
                    <kbd>{s.keys}</kbd>
                  </td>
                  <td>{s.action}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Button className="cs-button" onPress={onClose} autoFocus>
            Close
          </Button>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
