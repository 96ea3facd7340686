import { useState } from 'react';
import { Button, Dialog, Form, Heading, Input, Label, Modal, ModalOverlay, Text, TextField } from 'react-aria-components';
import type { SyncConflict } from '../../../common/workspace';
import { keyHint } from '../../../common/keymap';
import { ConflictNotes } from './ConflictNotes';
import { when } from './format';
import type { Workspace } from './useWorkspace';
import './workspace.css';

// The team workspace: joining one (a connection string and, apart, its password), or the one this
// library is in (server, member, role, what waits, the last sync and error), with Sync now and
// Leave. Conflicts whose record is gone are listed here; the others sit next to their records.

interface Props {
  isOpen: boolean;
  workspace: Workspace;
  onClose(): void;
}

const PLACEHOLDER = 'postgres://ana@db.example.org/claimscope';

/**
 * The connection string with the password put in (percent-encoded) after the login; a password
 * already in the string is replaced. Without a password, the string as typed.
 */
export function withPassword(url: string, password: string): string {
  const trimmed = url.trim();
  if (password === '') return trimmed;
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^@/?#]*)@(.*)$/i.exec(trimmed);
  const secret = encodeURIComponent(password);
  if (!m) {
    const scheme = /^([a-z][a-z0-9+.-]*:\/\/)(.*)$/i.exec(trimmed);
    return scheme ? `${scheme[1]}:${secret}@${scheme[2]}` : trimmed;
  }
  const login = m[2]!.split(':')[0]!;
  return `${m[1]}${login}:${secret}@${m[3]}`;
}

export function WorkspaceDialog({ isOpen, workspace, onClose }: Props) {
  return (
    <ModalOverlay isOpen={isOpen} isDismissable onOpenChange={(open) => !open && onClose()} className="cs-overlay">
      <Modal className="cs-modal cs-modal-narrow cs-workspace-modal">
        <Dialog className="cs-dialog cs-workspace-dialog" aria-labelledby="cs-workspace-title">
          <Heading slot="title" id="cs-workspace-title">
            Team workspace
          </Heading>
          {/* Mounted while open: each opening starts with empty fields and no confirmation pending. */}
          {!workspace.status || workspace.status.state === 'local' ? <JoinForm workspace={workspace} onClose={onClose} /> : <Joined workspace={workspace} onClose={onClose} />}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function JoinForm({ workspace, onClose }: { workspace: Workspace; onClose(): void }) {
  const [url, setUrl] = useState('');
  const [password, setPassword] = useState('');
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (working || url.trim() === '') return;
    setWorking(true);
    setError(null);
    const failed = await workspace.connect(withPassword(url, password));
    setWorking(false);
    if (failed) setError(failed);
    else setPassword('');
  };

  return (
    <Form
      className="cs-settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="cs-workspace-lead">This library works on its own. Join a team workspace to share documents, tags and notes with other analysts.</p>
      <TextField className="cs-textfield" value={url} onChange={setUrl} autoFocus isRequired isDisabled={working}>
        <Label className="cs-field-label">Connection string</Label>
        <Input className="cs-input" placeholder={PLACEHOLDER} spellCheck={false} autoComplete="off" />
        <Text slot="description" className="cs-assessment-help">
          The server, your login and the workspace’s database, as your team gave them.
        </Text>
      </TextField>
      <TextField className="cs-textfield" type="password" value={password} onChange={setPassword} isDisabled={working}>
        <Label className="cs-field-label">Password</Label>
        <Input className="cs-input" autoComplete="current-password" />
        <Text slot="description" className="cs-assessment-help">
          Kept out of the library’s file; it is not shown again.
        </Text>
      </TextField>
      {error && (
        <p className="cs-settings-error" role="alert">
          {error}
        </p>
      )}
      <div className="cs-dialog-buttons">
        <Button className="cs-button" onPress={onClose}>
          Close
        </Button>
        <Button type="submit" className="cs-button cs-primary" isDisabled={working || url.trim() === ''}>
          {working ? 'Connecting…' : 'Connect'}
        </Button>
      </div>
    </Form>
  );
}

const STATE_WORDS = { connected: 'Connected', syncing: 'Syncing…', offline: 'Offline: the server cannot be reached', local: 'Not in a workspace' } as const;

function Joined({ workspace, onClose }: { workspace: Workspace; onClose(): void }) {
  const s = workspace.status!;
  const [confirming, setConfirming] = useState(false);
  /** Back from the confirmation: the focus returns to Leave (else it starts on Close: never lost when the view changes). */
  const [backFromConfirm, setBackFromConfirm] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const gone: readonly SyncConflict[] = workspace.allConflicts.filter((c) => c.recordId === null);
  const elsewhere = workspace.allConflicts.length - gone.length;
  const syncKey = keyHint('syncWorkspace');

  return (
    <div className="cs-workspace-body">
      <dl className="cs-workspace-facts">
        <dt>Server</dt>
        <dd data-testid="workspace-server">{s.server ?? '—'}</dd>
        <dt>Member</dt>
        <dd>{s.member ?? '—'}</dd>
        <dt>Role</dt>
        <dd>{s.role ?? '—'}</dd>
        <dt>State</dt>
        <dd data-testid="workspace-state" data-state={s.state}>
          {STATE_WORDS[s.state]}
        </dd>
        <dt>Waiting</dt>
        <dd>{s.waiting === 0 ? 'nothing: everything is on the server' : `${s.waiting} ${s.waiting === 1 ? 'change' : 'changes'} not yet on the server`}</dd>
        <dt>Last sync</dt>
        <dd>{when(s.lastSyncAt)}</dd>
        {s.lastError && (
          <>
            <dt>Last error</dt>
            <dd className="cs-workspace-error">{s.lastError}</dd>
          </>
        )}
      </dl>
      <p className="cs-hint">Offline? Your changes wait here and go when the server is back.</p>

      {(gone.length > 0 || elsewhere > 0) && (
        <section className="cs-workspace-conflicts" aria-label="Conflicts">
          <h3>Conflicts</h3>
          {elsewhere > 0 && (
            <p className="cs-hint">
              {elsewhere} {elsewhere === 1 ? 'conflict is' : 'conflicts are'} shown next to {elsewhere === 1 ? 'its tag or flag' : 'their tags and flags'} in the document.
            </p>
          )}
          {gone.length > 0 && <ConflictNotes conflicts={gone} onDismiss={(id) => void workspace.dismiss(id)} />}
        </section>
      )}

      {confirming ? (
        <div className="cs-workspace-confirm" role="group" aria-label="Leave the workspace?">
          <p>
            <strong>Leave the workspace?</strong> This library keeps everything; it stops syncing.
          </p>
          <div className="cs-dialog-buttons">
            <Button
              className="cs-button"
              onPress={() => {
                setConfirming(false);
                setBackFromConfirm(true);
              }}
              autoFocus
              isDisabled={leaving}
            >
              Cancel
            </Button>
            <Button
              className="cs-button cs-danger"
              isDisabled={leaving}
              onPress={() => {
                setLeaving(true);
                void workspace.leave().then(() => setLeaving(false));
              }}
            >
              {leaving ? 'Leaving…' : 'Leave workspace'}
            </Button>
          </div>
        </div>
      ) : (
        <div className="cs-dialog-buttons">
          <Button className="cs-button cs-danger" onPress={() => setConfirming(true)} autoFocus={backFromConfirm}>
            Leave workspace…
          </Button>
          <span className="cs-grow" />
          <Button className="cs-button" onPress={onClose} autoFocus={!backFromConfirm}>
            Close
          </Button>
          <Button className="cs-button cs-primary" isDisabled={workspace.syncing} onPress={() => void workspace.sync()} aria-keyshortcuts={syncKey.replace('Ctrl', 'Control')}>
            {workspace.syncing ? (
              'Syncing…'
            ) : (
              <>
                Sync now<kbd aria-hidden="true">{syncKey}</kbd>
              </>
            )}
          </Button>
        </div>
      )}
    </div>
  );
}
