import type { Handlers } from '../../common/api';
import type { Annotation, AnnotationKind, SuggestionBody } from '../../common/domain';
import { innermostFirst, nameKey } from '../../common/selectors';
import { ClaimscopeError } from '../../common/errors';
import { sentenceAt, type Span } from '../../common/segment';
import type { ChangeRecorder } from '../../db/changes';
// The assistant (compromise, chrono) loads only in its worker, or on demand: not at every start-up.
import type { Suggestion } from '../../assist';
import type { AssistantWorker } from './assistant';
import { insertAnnotation } from './annotations';
import { notFound, nowIso, type ServiceContext } from './context';
import { applyDefaultLinks } from './links';
import { citeOnly, insertSource } from './sources';

interface Job {
  running: boolean;
  progress: number;
  error: string | null;
}

export class SuggestionRunner {
  private jobs = new Map<number, Job>();
  constructor(
    private readonly ctx: ServiceContext,
    private readonly worker: AssistantWorker,
  ) {}

  status(documentId: number): Job {
    return this.jobs.get(documentId) ?? { running: false, progress: 1, error: null };
  }

  /** Stores suggestions not seen before; those the analyst rejected or accepted keep their state. */
  store(documentId: number, suggestions: readonly Suggestion[], keys: readonly string[]): void {
    this.ctx.store.suggestions.insertNew(documentId, suggestions.map((body, i) => ({ type: body.type, key: keys[i]!, body })));
  }

  start(documentId: number): boolean {
    const current = this.jobs.get(documentId);
    if (current?.running) return true;
    const text = this.ctx.requireText(documentId);
    const published = this.ctx.store.documents.metadata(documentId)?.published;
    const sources = this.ctx.store.sources.list().map((s) => ({ name: s.name, aliases: s.aliases }));
    const job: Job = { running: true, progress: 0, error: null };
    this.jobs.set(documentId, job);
    this.worker.run({ text, sources, ...(published ? { published } : {}) }, (m) => {
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
      } else if (m.type === 'done') {
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

interface Created {
  claims: number;
  attributions: number;
  sources: number;
  links: number;
  flags: number;
}

/**
 * Turns accepted suggestions into the real records through the same rules as the analyst's own
 * actions (insertAnnotation, applyDefaultLinks, citeOnly), reusing what is already tagged: an
 * accepted suggestion that repeats an annotation links to it and never writes a second one.
 */
class Acceptor {
  readonly created: Created = { claims: 0, attributions: 0, sources: 0, links: 0, flags: 0 };
  private sources: Array<{ id: number; names: string[] }>;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly rec: ChangeRecorder,
    private readonly documentId: number,
    private readonly text: string,
  ) {
    this.sources = ctx.store.sources.list().map((s) => ({ id: s.id, names: [s.name, ...s.aliases].map(nameKey) }));
  }

  private around(kind: AnnotationKind, span: Span): Annotation[] {
    return this.ctx.store.annotations
      .overlapping(this.documentId, kind, span.start, span.end)
      .map((id) => this.ctx.store.annotations.get(id)!)
      .filter((a) => a.start <= span.start && a.end >= span.end);
  }

  /** The annotation over exactly [start, end): the one already there, or a new one linked the default way. */
  private annotation(kind: AnnotationKind, start: number, end: number, note = ''): Annotation {
    const known = this.around(kind, { start, end }).find((a) => a.start === start && a.end === end);
    if (known) return known;
    const made = insertAnnotation(this.ctx, this.rec, this.documentId, this.text, kind, start, end, note);
    this.created[kind === 'claim' ? 'claims' : 'attributions']++;
    this.created.links += applyDefaultLinks(this.ctx, this.rec, made, this.text);
    return made;
  }

  /** The claim covering a span: the innermost existing claim around it, else a new one over its sentence. */
  claimFor(span: Span, note = ''): number {
    const existing = innermostFirst(this.around('claim', span))[0];
    if (existing) {
      if (note) this.rec.update('annotations', existing.id, { note: existing.note ? `${existing.note}\n\n${note}` : note });
      return existing.id;
    }
    const sentence = sentenceAt(this.text, span.start) ?? span;
    const range = sentence.start <= span.start && sentence.end >= span.end ? sentence : span;
    return this.annotation('claim', range.start, range.end, note).id;
  }

  private sourceFor(name: string): number {
    const key = nameKey(name).replace(/^the\s+/, '');
    const known =
      this.sources.find((s) => s.names.some((n) => n.replace(/^the\s+/, '') === key)) ??
      // "Ushakov" after "Yury Ushakov": a surname alone is the person already named.
      (/^\p{L}+$/u.test(key) ? this.sources.find((s) => s.names.some((n) => n.split(/\s+/).length > 1 && n.endsWith(` ${key}`))) : undefined);
    if (known) {
      if (!known.names.includes(key)) {
        const source = this.ctx.store.sources.get(known.id);
        if (source) this.rec.update('sources', known.id, { aliases: JSON.stringify([...source.aliases, name]) });
        known.names.push(key);
      }
      return known.id;
    }
    const id = insertSource(this.ctx, this.rec, { name });
    this.sources.push({ id, names: [nameKey(name)] });
    this.created.sources++;
    return id;
  }

  accept(s: SuggestionBody): void {
    if (s.type === 'claim') {
      this.annotation('claim', s.span.start, s.span.end);
      return;
    }
    if (s.type === 'attribution') {
      const attribution = this.annotation('attribution', s.span.start, s.span.end);
      const source = this.sourceFor(s.source);
      if (!this.ctx.store.links.cites(attribution.id, source)) {
        citeOnly(this.ctx, this.rec, attribution.id, source);
        this.created.links++;
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

/**
 * What the analyst has already done, as a test over suggestions: a claim already tagged, an
 * attribution already tagged with its source, an inconsistency between claims one flag already
 * holds. Those are not proposed again (they stay stored, and come back if the tags go).
 */
function alreadyDone(ctx: ServiceContext, documentId: number): (s: SuggestionBody) => boolean {
  const annotations = ctx.store.annotations.list(documentId).filter((a) => !a.orphan);
  const cited = new Set(ctx.store.links.listForDocument(documentId).filter((l) => l.toSourceId !== null).map((l) => l.fromId));
  const flags = ctx.store.flags.listForDocument(documentId);
  const of = (kind: AnnotationKind) => annotations.filter((a) => a.kind === kind);
  const claims = of('claim');
  const attributions = of('attribution');
  const around = (span: Span) => innermostFirst(claims.filter((c) => c.start <= span.start && c.end >= span.end))[0];
  const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  return (s) => {
    if (s.type === 'claim') return claims.some((c) => overlap(c, s.span) >= (s.span.end - s.span.start) / 2);
    if (s.type === 'attribution') return attributions.some((a) => cited.has(a.id) && overlap(a, s.span) > 0);
    const members = s.spans.map(around);
    if (members.some((m) => m === undefined)) return false;
    const ids = new Set(members.map((m) => m!.id));
    return ids.size >= 2 && flags.some((f) => [...ids].every((id) => f.memberIds.includes(id)));
  };
}

export function suggestionHandlers(
  ctx: ServiceContext,
  runner: SuggestionRunner,
): Pick<Handlers, 'runSuggestions' | 'listSuggestions' | 'acceptSuggestions' | 'rejectSuggestions'> {
  const requireDoc = (id: number) => {
    if (!ctx.store.documents.exists(id)) throw notFound('document', id);
  };
  return {
    runSuggestions: ({ documentId }) => {
      requireDoc(documentId);
      return { running: runner.start(documentId) };
    },
    listSuggestions: ({ documentId }) => {
      requireDoc(documentId);
      const job = runner.status(documentId);
      const done = alreadyDone(ctx, documentId);
      const suggestions = ctx.store.suggestions.pending(documentId).filter((s) => !done(s.suggestion));
      return { suggestions, running: job.running, progress: job.progress, error: job.error };
    },
    acceptSuggestions: ({ documentId, ids, type, minScore }) => {
      requireDoc(documentId);
      const text = ctx.requireText(documentId);
      let chosen = ctx.store.suggestions.pending(documentId);
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
      const { value: created, changes } = ctx.write(documentId, label, (rec) => {
        const acceptor = new Acceptor(ctx, rec, documentId, text);
        for (const s of chosen) {
          acceptor.accept(s.suggestion);
          rec.update('suggestions', s.id, { state: 'accepted' });
        }
        return acceptor.created;
      });
      return { accepted: chosen.length, created, changes };
    },
    rejectSuggestions: ({ documentId, ids }) => {
      requireDoc(documentId);
      const pending = new Set(ctx.store.suggestions.pending(documentId).map((s) => s.id));
      const chosen = ids.filter((id) => pending.has(id));
      const { changes } = ctx.write(documentId, chosen.length === 1 ? 'Reject suggestion' : `Reject ${chosen.length} suggestions`, (rec) => {
        for (const id of chosen) rec.update('suggestions', id, { state: 'rejected' });
      });
      return { rejected: chosen.length, changes };
    },
  };
}
