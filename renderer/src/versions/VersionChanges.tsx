import { useEffect, useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { Client } from '../../../common/api';
import type { Annotation, VersionDiff } from '../../../common/domain';
import { errorMessage } from '../api/client';

interface Props {
  isOpen: boolean;
  documentId: number;
  version: number;
  orphans: readonly Annotation[];
  client: Client;
  onClose(): void;
}

/** What changed since the previous version: sentences added, removed, altered (stealth edits), and tags left orphaned. */
export function VersionChanges({ isOpen, documentId, version, orphans, client, onClose }: Props) {
  const [diff, setDiff] = useState<VersionDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Each opening (of this document) compares afresh.
  const request = isOpen ? documentId : null;
  const [shown, setShown] = useState<number | null>(null);
  if (request !== shown) {
    setShown(request);
    setDiff(null);
    setError(null);
  }

  useEffect(() => {
    if (!isOpen) return;
    let live = true;
    client
      .getVersionDiff({ documentId })
      .then((d) => live && setDiff(d))
      .catch((err) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [client, documentId, isOpen]);

  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={(open) => !open && onClose()} isDismissable className="cs-overlay">
      <Modal className="cs-modal cs-modal-wide">
        <Dialog className="cs-dialog" aria-label="Changes since the previous version">
          <Heading slot="title">
            Version {version}: changes since version {version - 1}
          </Heading>
          {error && <p className="cs-error-line">{error}</p>}
          {!diff && !error && <p className="cs-hint">Comparing…</p>}
          {diff && (
            <div className="cs-changes">
              <p className="cs-hint">
                {diff.changed.length} altered · {diff.added.length} added · {diff.removed.length} removed · {orphans.length} orphaned{' '}
                {orphans.length === 1 ? 'tag' : 'tags'}
              </p>
              {diff.changed.length > 0 && (
                <section>
                  <h3>Altered</h3>
                  <ul>
                    {diff.changed.map((c) => (
                      <li key={`${c.old.start}-${c.new.start}`} className="cs-change">
                        <del>{c.old.text}</del>
                        <ins>{c.new.text}</ins>
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              {diff.added.length > 0 && (
                <section>
                  <h3>Added</h3>
                  <ul>
                    {diff.added.map((s) => (
                      <li key={s.start} className="cs-change">
                        <ins>{s.text}</ins>
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              {diff.removed.length > 0 && (
                <section>
                  <h3>Removed</h3>
                  <ul>
                    {diff.removed.map((s) => (
                      <li key={s.start} className="cs-change">
                        <del>{s.text}</del>
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              {orphans.length > 0 && (
                <section>
                  <h3>Orphaned tags (kept; their text is no longer in this version)</h3>
                  <ul>
                    {orphans.map((a) => (
                      <li key={a.id} className="cs-change">
                        <span className={`cs-row-kind cs-kind-${a.kind}`}>{a.kind}</span> “{a.exact}”
                      </li>
                    ))}
                  </ul>
                </section>
              )}
            </div>
          )}
          <div className="cs-dialog-actions">
            <Button className="cs-button" onPress={onClose} autoFocus>
              Close
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
