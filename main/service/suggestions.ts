import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Handlers } from '../../common/api';
import type { StoredSuggestion, SuggestionBody } from '../../common/domain';
import { ClaimscopeError } from '../../common/errors';
import { quoteSelector } from '../../common/selectors';
import { sentenceAt, type Span } from '../../common/segment';
import type { ChangeRecorder } from '../../db/changes';
// The assistant (compromise, chrono) loads only in its worker, or on demand: not at every start-up.
import type { Suggestion } from '../core/assist';
import type { AssistJob, AssistMessage } from '../core/assist/worker';
import { notFound, nowIso, type ServiceContext } from './context';

interface Job {
  running: boolean;
  progress: number;
  error: string | null;
}

/** The bundled worker beside the running bundle (dist/main/); absent when running from sources. */
function workerFile(): string | null {
  const file = path.join(__dirname, 'assist-worker.cjs');
  return fs.existsSync(file) ? file : null;
}

function startJob(job: AssistJob, onMessage: (m: AssistMessage) => void): void {
  const file = workerFile();
  if (!file) {
    // From sources (unit tests): same work on this thread, after the current request returns.
    setImmediate(async () => {
      try {
        const { runAssist } = await import('../core/assist/worker');
        runAssist(job, onMessage);
      } catch (err) {
        onMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
      }
    });
    return;
  }
  const worker = new Worker(file, { workerData: job, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
  let finished = false;
  worker.on('message', (m: AssistMessage) => {
    if (m.type !== 'batch') finished = true;
    onMessage(m);
  });
  worker.on('error', (err) => {
    finished = true;
    onMessage({ type: 'error', message: err.message });
  });
  worker.on('exit', (code) => {
    if (!finished) onMessage({ type: 'error', message: `the assistant stopped unexpectedly (exit ${code})` });
  });
}

export class SuggestionRunner {
  private jobs = new Map<number, Job>();
  constructor(private readonly ctx: ServiceContext) {}

  status(documentId: number): Job {
    return this.jobs.get(documentId) ?? { running: false, progress: 1, error: null };
  }

  /** Stores suggestions not seen before; those the analyst rejected or accepted keep their state. */
  store(documentId: number, suggestions: readonly Suggestion[], keys: readonly string[]): void {
    const insert = this.ctx.db.prepare(
      `INSERT INTO suggestions (document_id, type, key, payload, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (document_id, key) DO NOTHING`,
    );
    const now = nowIso();
    this.ctx.transaction(() => {
      suggestions.forEach((s, i) => insert.run(documentId, s.type, keys[i], JSON.stringify(s), now));
    });
  }

  start(documentId: number): boolean {
    const current = this.jobs.get(documentId);
    if (current?.running) return true;
    const text = this.ctx.requireText(documentId);
    const sources = this.ctx.store.listSources().map((s) => ({ name: s.name, aliases: s.aliases }));
    const job: Job = { running: true, progress: 0, error: null };
    this.jobs.set(documentId, job);
    startJob({ text, sources }, (m) => {
      if (m.type === 'batch') {
        try {
          this.store(documentId, m.suggestions, m.keys);
          job.progress = m.progress;
        } catch (err) {
          job.error = `could not store suggestions: ${err instanceof Error ? err.message : String(err)}`;
        }
      } else if (m.type === 'error') {
        job.running = false;
        job.error = m.message;
      } else {
        job.running = false;
        job.progress = 1;
      }
    });
    return true;
  }

  /** Runs the assistant to the end and stores what it found (CLI, tests). */
  runToEnd(documentId: number): Promise<void> {
    this.start(documentId);
    return new Promise((resolve, reject) => {
      const poll = () => {
        const j = this.status(documentId);
        if (j.error) reject(new ClaimscopeError('internal', `the assistant failed: ${j.error}`));
        else if (!j.running) resolve();
        else setTimeout(poll, 20);
      };
      poll();
    });
  }
}

interface SuggestionRow {
  id: number;
  state: StoredSuggestion['state'];
  payload: string;
}

function listStored(ctx: ServiceContext, documentId: number, where = "state = 'pending'"): StoredSuggestion[] {
  const rows = ctx.db.prepare(`SELECT id, state, payload FROM suggestions WHERE document_id = ? AND ${where} ORDER BY id`).all(documentId) as SuggestionRow[];
  return rows.map((r) => ({ id: r.id, state: r.state, suggestion: JSON.parse(r.payload) as SuggestionBody }));
}

interface Created {
  claims: number;
  attributions: number;
  sources: number;
  links: number;
  flags: number;
}

/** Turns accepted suggestions into the real records, reusing what the analyst already tagged. */
class Acceptor {
  readonly created: Created = { claims: 0, attributions: 0, sources: 0, links: 0, flags: 0 };
  private annotations: Array<{ id: number; kind: string; start: number; end: number }>;
  private sources: Array<{ id: number; names: string[] }>;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly rec: ChangeRecorder,
    private readonly documentId: number,
    private readonly text: string,
  ) {
    this.annotations = ctx.store.listAnnotations(documentId).map((a) => ({ id: a.id, kind: a.kind, start: a.start, end: a.end }));
    this.sources = ctx.store.listSources().map((s) => ({ id: s.id, names: [s.name, ...s.aliases].map((n) => n.toLocaleLowerCase()) }));
  }

  private insertAnnotation(kind: 'claim' | 'attribution', start: number, end: number, note = ''): number {
    const id = this.rec.insert('annotations', {
      document_id: this.documentId,
      kind,
      start_offset: start,
      end_offset: end,
      ...quoteSelector(this.text, start, end),
      status: 'unverified',
      credibility: null,
      note,
      orphan: 0,
      created_at: nowIso(),
    });
    this.annotations.push({ id, kind, start, end });
    if (kind === 'claim') this.created.claims++;
    else this.created.attributions++;
    return id;
  }

  /** The claim covering a span: an existing claim around it, else a new one over its sentence. */
  claimFor(span: Span, note = ''): number {
    const existing = this.annotations
      .filter((a) => a.kind === 'claim' && a.start <= span.start && a.end >= span.end)
      .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
    if (existing) {
      if (note) {
        const current = this.ctx.store.getAnnotation(existing.id)?.note ?? '';
        this.rec.update('annotations', existing.id, { note: current ? `${current}\n\n${note}` : note });
      }
      return existing.id;
    }
    const sentence = sentenceAt(this.text, span.start) ?? span;
    const range = sentence.start <= span.start && sentence.end >= span.end ? sentence : span;
    return this.insertAnnotation('claim', range.start, range.end, note);
  }

  private sourceFor(name: string): number {
    const key = name.toLocaleLowerCase().replace(/^the\s+/, '');
    const known =
      this.sources.find((s) => s.names.some((n) => n.replace(/^the\s+/, '') === key)) ??
      // "Ushakov" after "Yury Ushakov": a surname alone is the person already named.
      (/^\p{L}+$/u.test(key) ? this.sources.find((s) => s.names.some((n) => n.split(/\s+/).length > 1 && n.endsWith(` ${key}`))) : undefined);
    if (known) {
      if (!known.names.includes(key)) {
        const source = this.ctx.store.listSources().find((s) => s.id === known.id);
        if (source) this.rec.update('sources', known.id, { aliases: JSON.stringify([...source.aliases, name]) });
        known.names.push(key);
      }
      return known.id;
    }
    const id = this.rec.insert('sources', { name, type: 'other', aliases: '[]', reliability: 'F', note: '', created_at: nowIso() });
    this.sources.push({ id, names: [name.toLocaleLowerCase()] });
    this.created.sources++;
    return id;
  }

  accept(s: SuggestionBody): void {
    if (s.type === 'claim') {
      const exists = this.annotations.some((a) => a.kind === 'claim' && a.start === s.span.start && a.end === s.span.end);
      if (!exists) this.insertAnnotation('claim', s.span.start, s.span.end);
      return;
    }
    if (s.type === 'attribution') {
      const id =
        this.annotations.find((a) => a.kind === 'attribution' && a.start === s.span.start && a.end === s.span.end)?.id ??
        this.insertAnnotation('attribution', s.span.start, s.span.end);
      this.rec.insert('links', { from_id: id, to_annotation_id: null, to_source_id: this.sourceFor(s.source) });
      this.created.links++;
      // The claims it covers: those in its own sentence, else in the next one.
      const own = sentenceAt(this.text, s.span.start);
      const next = own ? sentenceAt(this.text, nextSentenceStart(this.text, own.end)) : null;
      for (const scope of [own, next]) {
        if (!scope) continue;
        const claims = this.annotations.filter((a) => a.kind === 'claim' && a.id !== id && a.start < scope.end && a.end > scope.start);
        for (const c of claims) {
          this.rec.insert('links', { from_id: id, to_annotation_id: c.id, to_source_id: null });
          this.created.links++;
        }
        if (claims.length) break;
      }
      return;
    }
    const members = [...new Set(s.spans.map((span) => this.claimFor(span, s.spans.length === 1 ? s.explanation : '')))];
    if (members.length < 2) return;
    const flag = this.rec.insert('flags', { document_id: this.documentId, explanation: s.explanation, status: 'open', note: '', created_at: nowIso() });
    for (const m of members) this.rec.insert('flag_members', { flag_id: flag, annotation_id: m });
    this.created.flags++;
  }
}

function nextSentenceStart(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return Math.min(i, text.length);
}

export function suggestionHandlers(
  ctx: ServiceContext,
  runner: SuggestionRunner,
): Pick<Handlers, 'runSuggestions' | 'listSuggestions' | 'acceptSuggestions' | 'rejectSuggestions'> {
  const requireDoc = (id: number) => {
    if (ctx.store.getSummary(id) === null) throw notFound('document', id);
  };
  return {
    runSuggestions: ({ documentId }) => {
      requireDoc(documentId);
      return { running: runner.start(documentId) };
    },
    listSuggestions: ({ documentId }) => {
      requireDoc(documentId);
      const job = runner.status(documentId);
      return { suggestions: listStored(ctx, documentId), running: job.running, progress: job.progress, error: job.error };
    },
    acceptSuggestions: ({ documentId, ids, type, minScore }) => {
      requireDoc(documentId);
      const text = ctx.requireText(documentId);
      let chosen = listStored(ctx, documentId);
      if (ids) {
        const wanted = new Set(ids);
        chosen = chosen.filter((s) => wanted.has(s.id));
      }
      if (type) chosen = chosen.filter((s) => s.suggestion.type === type);
      if (minScore !== undefined) chosen = chosen.filter((s) => s.suggestion.type !== 'claim' || s.suggestion.score >= minScore);
      // Claims first, so attributions link to them and flags reuse them.
      const order = { claim: 0, attribution: 1, inconsistency: 2 } as const;
      chosen.sort((a, b) => order[a.suggestion.type] - order[b.suggestion.type] || a.id - b.id);
      const label = chosen.length === 1 ? 'Accept suggestion' : `Accept ${chosen.length} suggestions`;
      const created = ctx.write(documentId, label, (rec) => {
        const acceptor = new Acceptor(ctx, rec, documentId, text);
        for (const s of chosen) {
          acceptor.accept(s.suggestion);
          rec.update('suggestions', s.id, { state: 'accepted' });
        }
        return acceptor.created;
      });
      return { accepted: chosen.length, created };
    },
    rejectSuggestions: ({ documentId, ids }) => {
      requireDoc(documentId);
      const pending = new Set(listStored(ctx, documentId).map((s) => s.id));
      const chosen = ids.filter((id) => pending.has(id));
      ctx.write(documentId, chosen.length === 1 ? 'Reject suggestion' : `Reject ${chosen.length} suggestions`, (rec) => {
        for (const id of chosen) rec.update('suggestions', id, { state: 'rejected' });
      });
      return { rejected: chosen.length };
    },
  };
}
