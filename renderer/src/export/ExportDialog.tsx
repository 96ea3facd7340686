import { useState } from 'react';
import { Button, Checkbox, Dialog, Heading, Label, Modal, ModalOverlay, Radio, RadioGroup } from 'react-aria-components';
import { ReportLocale, ReportTimeZone, type Client } from '../../../common/api';
import type { ExportFormat } from '../../../common/domain';
import { EXPORT_FORMAT_IDS, EXPORT_FORMAT_INFO } from '../../../common/formats';
import { errorMessage } from '../api/client';

const FORMATS = EXPORT_FORMAT_IDS.map((id) => ({ id, ...EXPORT_FORMAT_INFO[id] }));

function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** Saves through the browser's download (Electron shows its save dialog for it). */
function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The analyst's language and time zone, as this window has them: the report's dates are written so. */
export function readerClock(): { locale?: string; timeZone?: string } {
  try {
    const { locale, timeZone } = Intl.DateTimeFormat().resolvedOptions();
    // One the API would refuse is left out: the report then uses its defaults (en-GB, UTC).
    return {
      ...(ReportLocale.safeParse(locale).success ? { locale } : {}),
      ...(ReportTimeZone.safeParse(timeZone).success ? { timeZone } : {}),
    };
  } catch {
    return {};
  }
}

interface Props {
  isOpen: boolean;
  /** What the report is of: the open document, or the case on the desk. */
  target: { documentId: number } | { caseId: number } | null;
  client: Client;
  onClose(): void;
  onDone(message: string, tone: 'info' | 'error'): void;
}

export function ExportDialog({ isOpen, target, client, onClose, onDone }: Props) {
  const [format, setFormat] = useState<ExportFormat>('html');
  const [openAfter, setOpenAfter] = useState(true);
  const [working, setWorking] = useState(false);

  const run = async () => {
    if (target === null) return;
    setWorking(true);
    try {
      const file = 'caseId' in target ? await client.exportCase({ caseId: target.caseId, format, ...readerClock() }) : await client.exportReport({ documentId: target.documentId, format, ...readerClock() });
      const body = file.encoding === 'base64' ? base64ToBytes(file.content) : file.content;
      const blob = new Blob([body], { type: file.mimeType });
      download(blob, file.fileName);
      // A report opens in a tab of its own; its own CSP forbids scripts and remote loads.
      if (openAfter && (format === 'html' || format === 'pdf') && !window.claimscope) {
        window.open(URL.createObjectURL(blob), '_blank', 'noopener');
      }
      onDone(`Exported ${file.fileName}`, 'info');
      onClose();
    } catch (err) {
      onDone(errorMessage(err), 'error');
    } finally {
      setWorking(false);
    }
  };

  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={(open) => !open && !working && onClose()} isDismissable={!working} className="cs-overlay">
      <Modal className="cs-modal">
        <Dialog className="cs-dialog" aria-label={target && 'caseId' in target ? 'Export the case report' : 'Export a report'}>
          <Heading slot="title">{target && 'caseId' in target ? 'Export the case' : 'Export'}</Heading>
          <RadioGroup value={format} onChange={(v) => setFormat(v as ExportFormat)} className="cs-export-formats" isDisabled={working}>
            <Label>Format</Label>
            {FORMATS.map((f) => (
              <Radio key={f.id} value={f.id} className="cs-radio">
                <span className="cs-radio-label">{f.label}</span>
                <span className="cs-hint">{f.hint}</span>
              </Radio>
            ))}
          </RadioGroup>
          {!window.claimscope && (
            <Checkbox isSelected={openAfter} onChange={setOpenAfter} className="cs-checkbox" isDisabled={working}>
              Open the report afterwards (HTML and PDF)
            </Checkbox>
          )}
          <div className="cs-dialog-actions">
            {working && (
              <span className="cs-progress" role="progressbar" aria-label="Exporting">
                Exporting…
              </span>
            )}
            <Button className="cs-button" onPress={onClose} isDisabled={working}>
              Cancel
            </Button>
            <Button className="cs-button cs-primary" onPress={() => void run()} isDisabled={working || target === null} autoFocus>
              Export
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
