import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { KEY_GROUPS, keysLabel } from '../../../common/keymap';
import { KEYMAP } from '../keymap';

/** The ? dialog: every row of the keymap, grouped. */
export function ShortcutsDialog({ isOpen, onClose }: { isOpen: boolean; onClose(): void }) {
  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={(open) => !open && onClose()} isDismissable className="cs-overlay">
      <Modal className="cs-modal">
        <Dialog className="cs-dialog" aria-label="Keyboard shortcuts">
          <Heading slot="title">Keyboard shortcuts</Heading>
          <table className="cs-shortcuts">
            {KEY_GROUPS.map((group) => (
              <tbody key={group.id}>
                <tr>
                  <th colSpan={2} scope="colgroup">
                    {group.title}
                  </th>
                </tr>
                {KEYMAP.filter((row) => row.group === group.id).map((row) => (
                  <tr key={row.id}>
                    <td>
                      <kbd>{keysLabel(row)}</kbd>
                    </td>
                    <td>{row.help}</td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
          <Button className="cs-button" onPress={onClose} autoFocus>
            Close
          </Button>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
