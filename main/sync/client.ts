import type pg from 'pg';
import type { PulledOp, WireConflict, WorkspaceStatus } from '../../common/workspace';
import type { DB } from '../../db/connection';
import { SyncRepo } from '../../db/sync';
import { describePgError, openClient, parseWorkspaceUrl, passwordFromEnvironment, redact } from './connection';
import { addMember, migrateServer, type WorkspaceRole } from './schema';
import { ServerStore } from './server';

// One local database's link to its workspace. A sync is: seal the journal into operations, push
// them (in batches, each batch one server transaction), then pull everything newer than the cursor
// and apply it. While live, a second connection LISTENs for other analysts' pushes and the journal
// is looked at every quarter second, so a change reaches the others within about a second; when
// the server cannot be reached the link says "offline", keeps the writes queued and tries again
// (1, 2, 4 ... 15 s apart).

export interface SyncCounts {
  pushed: number;
  pulled: number;
  conflicts: number;
  /** Operations the workspace refused (the analyst's role does not allow them); undone here. */
  refused: number;
}

export interface WorkspaceSyncOptions {
  /** The password for the stored URL (the app's keychain); else CLAIMSCOPE_PG_URL, PGPASSWORD, ~/.pgpass. */
  password?: () => string | undefined | Promise<string | undefined>;
  /** Called after a pull changed rows here: the documents and cases it touched. */
  onRemoteChange?: (touched: { documents: number[]; cases: number[] }) => void;
  /** Called whenever the status changes. */
  onStatus?: (status: WorkspaceStatus) => void;
  /** How often the journal is looked at while live (ms). */
  pollMs?: number;
  /** Operations per push transaction. */
  batch?: number;
}

const PULL_PAGE = 1000;

/** Creates (or updates) a workspace's schema on a PostgreSQL database; run as its owner. */
export async function initWorkspace(input: string): Promise<{ url: string; from: number; to: number }> {
  const { url, password } = parseWorkspaceUrl(input);
  const client = await openClient(url, password ?? passwordFromEnvironment(url));
  try {
    const r = await migrateServer(client);
    return { url: redact(url), ...r };
  } finally {
    await client.end().catch(() => {});
  }
}

export class WorkspaceSync {
  private readonly repo: SyncRepo;
  private client: pg.Client | null = null;
  private identity: { login: string; role: WorkspaceStatus['role']; workspace: string } | null = null;
  private listener: pg.Client | null = null;
  private running: Promise<SyncCounts> | null = null;
  private again = false;
  private syncing = false;
  private offline = false;
  private live = false;
  private timer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs = 1000;
  private kickPending = false;
  private givenPassword: string | undefined;
  private role: WorkspaceStatus['role'] = null;

  constructor(
    private readonly db: DB,
    private readonly options: WorkspaceSyncOptions = {},
  ) {
    this.repo = new SyncRepo(db);
    this.role = this.repo.meta().role;
  }

  status(): WorkspaceStatus {
    const m = this.repo.meta();
    const state: WorkspaceStatus['state'] = m.url === null ? 'local' : this.syncing ? 'syncing' : this.offline ? 'offline' : this.client ? 'connected' : 'offline';
    return {
      state,
      server: m.url ? redact(m.url) : null,
      member: m.member,
      role: m.role ?? this.role,
      waiting: this.repo.waiting(),
      pulledSeq: m.pulled_seq,
      lastSyncAt: m.last_sync_at,
      lastError: m.last_error,
      conflicts: this.repo.conflictCount(),
    };
  }

  private emit(): void {
    this.options.onStatus?.(this.status());
  }

  private async password(url: string): Promise<string | undefined> {
    return this.givenPassword ?? (await this.options.password?.()) ?? passwordFromEnvironment(url);
  }

  /** The connection in use, with who the server said it is when it was opened (asked once per connection). */
  private async ensureClient(): Promise<{ server: ServerStore; login: string }> {
    const m = this.repo.meta();
    if (m.url === null) throw new Error('this library is in no workspace; connect it first (claimscope workspace connect URL)');
    if (!this.client || !this.identity) await this.adopt(await openClient(m.url, await this.password(m.url)));
    const who = this.identity!;
    if (m.workspace !== null && who.workspace !== m.workspace) {
      throw new Error(`the server at ${redact(m.url)} holds another workspace than the one this library joined; leave it (claimscope workspace leave) and connect again`);
    }
    if (who.login !== m.member || who.role !== m.role) this.repo.setRole(who.login, who.role);
    this.role = who.role;
    return { server: new ServerStore(this.client!), login: who.login };
  }

  /** Makes `client` the connection in use, once the server has said who it is; closes it if not. */
  private async adopt(client: pg.Client): Promise<{ login: string; role: WorkspaceStatus['role']; workspace: string }> {
    let who;
    try {
      who = await new ServerStore(client).whoAmI();
    } catch (err) {
      await client.end().catch(() => {});
      throw err;
    }
    this.dropConnection();
    client.on('error', () => this.dropConnection(client));
    client.on('end', () => this.dropConnection(client));
    this.client = client;
    this.identity = who;
    return who;
  }

  /** Closes the connection in use (or only `which`, if it is still the one in use). */
  private dropConnection(which?: pg.Client): void {
    const c = this.client;
    if (which && c !== which) return;
    this.client = null;
    this.identity = null;
    c?.end().catch(() => {});
  }

  /**
   * Joins the workspace at `input`: checks that the login is a member, queues everything already in
   * this library, and makes the first sync. The password, if the URL carries one, is kept in memory
   * only (the caller may keep it in the keychain).
   */
  async connect(input: string): Promise<{ status: WorkspaceStatus; counts: SyncCounts; password: string | undefined }> {
    const { url, password } = parseWorkspaceUrl(input);
    this.givenPassword = password ?? passwordFromEnvironment(url);
    // The connection that checked membership is the one the first sync uses.
    const who = await this.adopt(await openClient(url, this.givenPassword));
    this.repo.join(url, who.workspace, who.login, who.role);
    this.role = who.role;
    const counts = await this.syncNow();
    return { status: this.status(), counts, password: this.givenPassword };
  }

  /** Leaves the workspace: this library keeps what it has and stops syncing. */
  async leave(): Promise<void> {
    await this.stop();
    this.repo.leave();
    this.emit();
  }

  /** One sync now (push, then pull); a sync already running is waited for, then one more runs. */
  async syncNow(): Promise<SyncCounts> {
    if (this.running) {
      // The running sync makes one more round, which sees what this caller wanted seen.
      this.again = true;
      return this.running;
    }
    const run = this.syncLoop();
    this.running = run;
    try {
      return await run;
    } finally {
      if (this.running === run) this.running = null;
    }
  }

  private async syncLoop(): Promise<SyncCounts> {
    const total: SyncCounts = { pushed: 0, pulled: 0, conflicts: 0, refused: 0 };
    do {
      this.again = false;
      const c = await this.syncOnce();
      total.pushed += c.pushed;
      total.pulled += c.pulled;
      total.conflicts += c.conflicts;
      total.refused += c.refused;
    } while (this.again);
    return total;
  }

  private async syncOnce(): Promise<SyncCounts> {
    this.syncing = true;
    this.emit();
    try {
      const counts = await this.pushAndPull();
      this.offline = false;
      this.retryMs = 1000;
      this.repo.noteResult(null);
      return counts;
    } catch (err) {
      this.offline = true;
      this.dropConnection();
      const line = describePgError(err);
      this.repo.noteResult(line);
      if (this.live) this.scheduleRetry();
      throw new Error(line.startsWith('cannot reach') ? line : `sync failed: ${line}`, { cause: err });
    } finally {
      this.syncing = false;
      this.emit();
    }
  }

  private async pushAndPull(): Promise<SyncCounts> {
    const counts: SyncCounts = { pushed: 0, pulled: 0, conflicts: 0, refused: 0 };
    const { server, login } = await this.ensureClient();
    this.repo.seal();
    const batch = this.options.batch ?? 200;
    for (;;) {
      const ops = this.repo.outbox(batch);
      if (ops.length === 0) break;
      const hashes = ops.flatMap((o) => o.changes.filter((c) => c.t === 'documents' && c.b === null && c.a).map((c) => String(c.a!.text_sha256)));
      const blobs = [...new Set(hashes)].flatMap((hash) => {
        const b = this.repo.blob(hash);
        return b ? [{ hash, ...b }] : [];
      });
      await server.putBlobs(blobs);
      const r = await server.push(ops, login);
      this.repo.acknowledge([...r.acknowledged.map((a) => a.uid), ...r.refused.map((x) => x.uid)]);
      counts.pushed += r.acknowledged.length;
      counts.conflicts += r.conflicts;
      if (r.refused.length) {
        counts.refused += r.refused.length;
        // What the workspace refused is put back here as the server has it, and said so.
        const keys = r.refused.flatMap((x) => x.changes.map((ch) => ({ t: ch.t, u: ch.u })));
        const now = await server.rowsNow(keys);
        const seq = this.repo.meta().pulled_seq;
        const refusedConflicts: WireConflict[] = r.refused.flatMap((x) =>
          x.changes.slice(0, 1).map((ch) => ({ id: 0, seq, t: ch.t, u: ch.u, kind: 'refused' as const, field: null, kept: x.reason, lost: null, winner: login, loser: login, at: new Date().toISOString() })),
        );
        this.repo.applyPulled([{ seq, uid: '', author: login, at: '', label: 'refused', applied: now }], refusedConflicts, new Map());
      }
      if (r.acknowledged.length === 0 && r.refused.length === 0) break;
    }
    for (;;) {
      const after = this.repo.meta().pulled_seq;
      const page = await server.pull(after, PULL_PAGE);
      if (page.ops.length === 0) break;
      const blobs = await server.blobs(this.blobsNeeded(page.ops));
      const touched = this.repo.applyPulled(page.ops, page.conflicts, blobs);
      counts.pulled += page.ops.length;
      if (touched.rows > 0 || touched.documents.size || touched.cases.size) {
        this.options.onRemoteChange?.({ documents: [...touched.documents], cases: [...touched.cases] });
      }
      if (page.ops[page.ops.length - 1]!.seq >= page.head) break;
    }
    return counts;
  }

  private blobsNeeded(ops: readonly PulledOp[]): string[] {
    const hashes = ops.flatMap((o) => o.applied.filter((r) => r.t === 'documents' && r.row).map((r) => String(r.row!.text_sha256)));
    return this.repo.missingBlobs(hashes);
  }

  /**
   * Live: LISTEN for others' pushes, look at the journal every `pollMs`, sync when either has
   * something; offline, retry with growing pauses. Resolves once the first attempt is made.
   */
  async start(): Promise<void> {
    if (this.repo.meta().url === null || this.live) return;
    this.live = true;
    // Listen first, then sync: a push made between the two is never missed.
    await this.listen().catch(() => {});
    await this.syncNow().catch(() => {});
    let ticks = 0;
    const heartbeat = Math.max(1, Math.round(10_000 / (this.options.pollMs ?? 250)));
    this.timer = setInterval(() => {
      if (!this.live || this.syncing || this.offline) return;
      // Every ten seconds a pull even with nothing announced (a notification lost with its connection).
      if (++ticks % heartbeat === 0 || this.repo.waiting() > 0) void this.syncNow().catch(() => {});
    }, this.options.pollMs ?? 250);
    this.timer.unref?.();
  }

  /** A local write was committed: while live and reachable, push it now rather than at the next look. */
  kick(): void {
    if (!this.live || this.offline) return;
    if (this.kickPending) return;
    this.kickPending = true;
    setImmediate(() => {
      this.kickPending = false;
      if (this.repo.waiting() > 0) void this.syncNow().catch(() => {});
    });
  }

  private async listen(): Promise<void> {
    const m = this.repo.meta();
    if (!m.url || this.listener) return;
    const l = await openClient(m.url, await this.password(m.url));
    l.on('notification', () => {
      if (this.live) void this.syncNow().catch(() => {});
    });
    const lost = () => {
      if (this.listener !== l) return;
      this.listener = null;
      if (this.live) {
        this.offline = true;
        this.emit();
        this.scheduleRetry();
      }
    };
    l.on('error', lost);
    l.on('end', lost);
    await l.query('LISTEN claimscope_ops');
    this.listener = l;
  }

  private scheduleRetry(): void {
    if (this.retryTimer || !this.live) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 15_000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void (async () => {
        try {
          await this.listen();
          await this.syncNow();
        } catch {
          this.scheduleRetry();
        }
      })();
    }, wait);
    this.retryTimer.unref?.();
  }

  /** Stops the live link and closes its connections. */
  async stop(): Promise<void> {
    this.live = false;
    if (this.timer) clearInterval(this.timer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.timer = this.retryTimer = null;
    await this.running?.catch(() => {});
    const l = this.listener;
    this.listener = null;
    await l?.end().catch(() => {});
    const c = this.client;
    this.client = null;
    this.identity = null;
    await c?.end().catch(() => {});
  }
}

/** Adds a member to the workspace at `input` (its owner's connection string). */
export async function addWorkspaceMember(input: string, login: string, role: WorkspaceRole, memberPassword?: string): Promise<void> {
  const { url, password } = parseWorkspaceUrl(input);
  const client = await openClient(url, password ?? passwordFromEnvironment(url));
  try {
    await addMember(client, login, role, memberPassword);
  } finally {
    await client.end().catch(() => {});
  }
}
