import type { Annotation, Flag, Source } from '../../../common/domain';
import type { Indexes } from '../store/indexes';
import { FLAG_STATUS_LABEL, shorten, sourcesOf, STATUS_LABEL } from './model';

// One row of each of the panel's lists.

export function AnnotationRow({ a, ix, conflicted = false }: { a: Annotation; ix: Indexes; conflicted?: boolean }) {
  const sources = sourcesOf(ix, a.id);
  const flagged = (ix.flagsOf.get(a.id)?.length ?? 0) > 0;
  const unsourced = a.kind === 'claim' && sources.length === 0;
  return (
    <>
      <span className="cs-row-meta">
        <span className={`cs-row-kind cs-kind-${a.kind}`}>{a.kind === 'claim' ? 'Claim' : 'Attribution'}</span>
        {a.kind === 'claim' && a.status !== 'unverified' && (
          <span className="cs-status-badge" data-status={a.status}>
            {STATUS_LABEL[a.status]}
          </span>
        )}
        {a.credibility !== null && <span className="cs-muted" title="information credibility">{a.credibility}</span>}
        {flagged && (
          <span className="cs-flag-mark" title="flagged: part of an inconsistency">
            ⚑
          </span>
        )}
        {a.note && (
          <span className="cs-muted" title="has a note">
            ✎
          </span>
        )}
        {conflicted && (
          <span className="cs-conflict-mark" title="a workspace conflict: see its details" data-testid="conflict-mark">
            ⇄<span className="cs-visually-hidden"> conflict</span>
          </span>
        )}
        <span className="cs-grow" />
        {sources.slice(0, 1).map((s) => (
          <span key={s.id} className="cs-row-source">
            {shorten(s.name, 22)}{' '}
            <span className="cs-grade" data-grade={s.reliability}>
              {s.reliability}
            </span>
          </span>
        ))}
        {unsourced && <span className="cs-row-unsourced">unsourced</span>}
      </span>
      <span className="cs-row-text">{a.exact}</span>
    </>
  );
}

export function FlagRow({ f, ix }: { f: Flag; ix: Indexes }) {
  const first = ix.byId.get(f.memberIds[0]!);
  return (
    <>
      <span className="cs-row-meta">
        <span className="cs-flag-mark">⚑</span>
        <span className="cs-status-badge" data-flag-status={f.status}>
          {FLAG_STATUS_LABEL[f.status]}
        </span>
        <span className="cs-muted">{f.memberIds.length} claims</span>
      </span>
      <span className="cs-row-text">{f.explanation || (first ? `“${first.exact}”` : 'Inconsistency')}</span>
    </>
  );
}

export function SourceRow({ s, ix }: { s: Source; ix: Indexes }) {
  const cited = ix.citations.get(s.id)?.length ?? 0;
  return (
    <>
      <span className="cs-row-meta">
        <span className="cs-grade" data-grade={s.reliability}>
          {s.reliability}
        </span>
        <span className="cs-row-name">{s.name}</span>
        <span className="cs-grow" />
        <span className="cs-muted">{cited > 0 ? `cited ${cited}×` : 'not cited here'}</span>
      </span>
      <span className="cs-row-text cs-muted">
        {s.type}
        {s.aliases.length ? ` · ${s.aliases.join(', ')}` : ''}
      </span>
    </>
  );
}
