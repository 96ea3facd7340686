import { forwardRef, memo, useCallback, useDeferredValue, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { Input, SearchField, Tab, TabList, TabPanel, Tabs, ToggleButton, ToggleButtonGroup, type Key } from 'react-aria-components';
import { CLAIM_STATUSES, FLAG_STATUSES, RELIABILITY_GRADES, type Annotation, type Flag, type Source } from '../../../common/domain';
import { AnnotationDetails } from '../details/AnnotationDetails';
import { ChoiceSelect } from '../details/ChoiceSelect';
import { FlagDetails } from '../details/FlagDetails';
import { SourceDetails } from '../details/SourceDetails';
import type { NoteEditorHandle } from '../notes/NoteEditor';
import type { WorkflowActions } from '../workflow/actions';
import {
  DEFAULT_FILTERS,
  filterAnnotations,
  filterFlags,
  filterSources,
  FLAG_STATUS_LABEL,
  shorten,
  sourcesOf,
  STATUS_LABEL,
  type AnnotationFilters,
  type Indexes,
  type KindFilter,
} from './model';
import { VirtualList, type VirtualListHandle } from './VirtualList';

// The side panel: claims and attributions, flags, sources, each with counts, filters and a search;
// below, the details of what is selected. Lists are virtualised: 5,000 annotations render ~20 rows.

export type PanelTab = 'annotations' | 'flags' | 'sources';
const TABS: PanelTab[] = ['annotations', 'flags', 'sources'];

export interface PanelHandle {
  tab(): PanelTab;
  cycleTab(step: 1 | -1): void;
  focusSearch(): void;
  focusList(): void;
  /** Focuses the note editor of what the details pane shows; false when it shows nothing. */
  focusNote(): boolean;
  selectedFlag(): Flag | null;
  selectedSource(): Source | null;
  showFlag(id: number): void;
  showSource(id: number): void;
  focusSourceName(): boolean;
  focusMerge(): boolean;
}

interface Props {
  annotations: readonly Annotation[];
  ix: Indexes;
  flags: readonly Flag[];
  sources: readonly Source[];
  selectedId: number | null;
  alsoSelected: readonly number[];
  actions: WorkflowActions;
}

const ROW = 58;

const ANY = 'any';
const statusOptions = [{ id: ANY, label: 'Any status' }, ...CLAIM_STATUSES.map((s) => ({ id: s, label: STATUS_LABEL[s] }))];
const gradeOptions = [{ id: ANY, label: 'Any grade' }, ...RELIABILITY_GRADES.map((g) => ({ id: g, label: `Grade ${g}` }))];
const flagStatusOptions = [{ id: ANY, label: 'Any status' }, ...FLAG_STATUSES.map((s) => ({ id: s, label: FLAG_STATUS_LABEL[s] }))];

function AnnotationRow({ a, ix }: { a: Annotation; ix: Indexes }) {
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

function FlagRow({ f, ix }: { f: Flag; ix: Indexes }) {
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

function SourceRow({ s, ix }: { s: Source; ix: Indexes }) {
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

const PanelInner = forwardRef<PanelHandle, Props>(function AnnotationPanel(
  { annotations, ix, flags, sources, selectedId, alsoSelected, actions },
  ref,
) {
  const [tab, setTab] = useState<PanelTab>('annotations');
  const [filters, setFilters] = useState<AnnotationFilters>(DEFAULT_FILTERS);
  const [flagStatus, setFlagStatus] = useState<Flag['status'] | 'any'>('any');
  const [sourceGrade, setSourceGrade] = useState<Source['reliability'] | 'any'>('any');
  const [search, setSearch] = useState('');
  const [flagId, setFlagId] = useState<number | null>(null);
  const [sourceId, setSourceId] = useState<number | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<VirtualListHandle>(null);
  const noteRef = useRef<NoteEditorHandle>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const mergeRef = useRef<HTMLInputElement>(null);

  // The search box stays responsive while a long list filters behind it.
  const query = useDeferredValue(search);
  const sorted = useMemo(() => [...annotations].sort((a, b) => a.start - b.start || a.id - b.id), [annotations]);
  const shownAnnotations = useMemo(() => filterAnnotations(sorted, ix, { ...filters, search: query }), [sorted, ix, filters, query]);
  const shownFlags = useMemo(() => filterFlags(flags, ix, flagStatus, query), [flags, ix, flagStatus, query]);
  const shownSources = useMemo(() => filterSources(sources, sourceGrade, query), [sources, sourceGrade, query]);
  const showSource = useCallback((id: number) => {
    setTab('sources');
    setSourceId(id);
  }, []);
  const showFlag = useCallback((id: number) => {
    setTab('flags');
    setFlagId(id);
  }, []);

  const flag = flagId === null ? null : (flags.find((f) => f.id === flagId) ?? null);
  const source = sourceId === null ? null : (sources.find((s) => s.id === sourceId) ?? null);
  const selected = selectedId === null ? null : (ix.byId.get(selectedId) ?? null);

  // Moving in the editor highlights the matching entry in whichever list is showing.
  useEffect(() => {
    if (selectedId === null) return;
    if (tab === 'flags') {
      const fl = ix.flagsOf.get(selectedId);
      if (fl?.length && !fl.some((f) => f.id === flagId)) setFlagId(fl[0]!.id);
    } else if (tab === 'sources') {
      const s = sourcesOf(ix, selectedId)[0];
      if (s) setSourceId(s.id);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId]);

  useImperativeHandle(
    ref,
    () => ({
      tab: () => tab,
      cycleTab: (step) => setTab((t) => TABS[(TABS.indexOf(t) + step + TABS.length) % TABS.length]!),
      focusSearch: () => searchRef.current?.focus(),
      focusList: () => listRef.current?.focus(),
      focusNote: () => {
        if (!noteRef.current) return false;
        noteRef.current.focus();
        return true;
      },
      selectedFlag: () => (tab === 'flags' ? flag : null),
      selectedSource: () => (tab === 'sources' ? source : null),
      showFlag,
      showSource,
      focusSourceName: () => {
        if (tab !== 'sources' || !nameRef.current) return false;
        nameRef.current.focus();
        nameRef.current.select();
        return true;
      },
      focusMerge: () => {
        if (tab !== 'sources' || !mergeRef.current) return false;
        mergeRef.current.focus();
        return true;
      },
    }),
    [tab, flag, source, showFlag, showSource],
  );

  const setFilter = <K extends keyof AnnotationFilters>(key: K, value: AnnotationFilters[K]) => setFilters((f) => ({ ...f, [key]: value }));
  const sourceOptions = useMemo(
    () => [{ id: ANY, label: 'Any source' }, { id: 'none', label: 'No source' }, ...sources.map((s) => ({ id: String(s.id), label: `${s.name} (${s.reliability})` }))],
    [sources],
  );
  const filtered =
    filters.kind !== 'all' || filters.status !== 'any' || filters.source !== 'any' || filters.grade !== 'any' || filters.unsourced || search.trim() !== '';

  let details: React.ReactNode = null;
  if (tab === 'annotations' && selected) {
    details = (
      <AnnotationDetails
        annotation={selected}
        ix={ix}
        actions={actions}
        noteRef={noteRef}
        onShowSource={showSource}
        onShowFlag={showFlag}
      />
    );
  } else if (tab === 'flags' && flag) {
    details = <FlagDetails flag={flag} ix={ix} actions={actions} noteRef={noteRef} />;
  } else if (tab === 'sources' && source) {
    details = <SourceDetails source={source} sources={sources} ix={ix} actions={actions} noteRef={noteRef} nameRef={nameRef} mergeRef={mergeRef} />;
  }

  return (
    <aside className="cs-panel" aria-label="Annotations">
      <Tabs selectedKey={tab} onSelectionChange={(k: Key) => setTab(k as PanelTab)} className="cs-tabs">
        <TabList aria-label="Panel sections" className="cs-tablist">
          <Tab id="annotations" className="cs-tab">
            Annotations <span className="cs-tab-count">{annotations.length}</span>
          </Tab>
          <Tab id="flags" className="cs-tab">
            Flags <span className="cs-tab-count">{flags.length}</span>
          </Tab>
          <Tab id="sources" className="cs-tab">
            Sources <span className="cs-tab-count">{sources.length}</span>
          </Tab>
        </TabList>
        <SearchField className="cs-search" aria-label="Search the panel" value={search} onChange={setSearch}>
          <Input ref={searchRef} className="cs-input" placeholder="Search (/)" />
        </SearchField>

        <TabPanel id="annotations" className="cs-tabpanel">
          <div className="cs-filters">
            <ToggleButtonGroup
              aria-label="Kind"
              selectionMode="single"
              disallowEmptySelection
              selectedKeys={[filters.kind]}
              onSelectionChange={(keys) => setFilter('kind', ([...keys][0] ?? 'all') as KindFilter)}
              className="cs-segmented"
            >
              <ToggleButton id="all" className="cs-segment">
                All
              </ToggleButton>
              <ToggleButton id="claim" className="cs-segment">
                Claims {ix.claims}
              </ToggleButton>
              <ToggleButton id="attribution" className="cs-segment">
                Attributions {ix.attributions}
              </ToggleButton>
            </ToggleButtonGroup>
            <ToggleButton className="cs-segment cs-unsourced-toggle" isSelected={filters.unsourced} onChange={(v) => setFilter('unsourced', v)}>
              Unsourced {ix.unsourced}
            </ToggleButton>
            <div className="cs-filter-row">
              <ChoiceSelect compact label="Filter by status" value={filters.status} options={statusOptions} onChange={(v) => setFilter('status', v as AnnotationFilters['status'])} />
              <ChoiceSelect
                compact
                label="Filter by source"
                value={String(filters.source)}
                options={sourceOptions}
                onChange={(v) => setFilter('source', v === ANY || v === 'none' ? v : Number(v))}
              />
              <ChoiceSelect compact label="Filter by grade" value={filters.grade} options={gradeOptions} onChange={(v) => setFilter('grade', v as AnnotationFilters['grade'])} />
            </div>
            {filtered && (
              <div className="cs-hint cs-shown">
                {shownAnnotations.length} of {annotations.length} shown{' '}
                <button
                  type="button"
                  className="cs-link-button"
                  onClick={() => {
                    setFilters(DEFAULT_FILTERS);
                    setSearch('');
                  }}
                >
                  Clear filters
                </button>
              </div>
            )}
          </div>
          <VirtualList
            ref={listRef}
            items={shownAnnotations}
            keyOf={(a) => a.id}
            selected={selectedId}
            alsoSelected={alsoSelected}
            onChoose={(a, add) => actions.reveal(a.id, add)}
            renderRow={(a) => <AnnotationRow a={a} ix={ix} />}
            rowClass={(a) => `cs-item-${a.kind}`}
            resetKey={JSON.stringify([filters, query])}
            rowHeight={ROW}
            label="Tags in this document"
            empty={annotations.length === 0 ? 'Click in a sentence and press C (claim) or A (attribution).' : 'Nothing matches these filters.'}
          />
        </TabPanel>

        <TabPanel id="flags" className="cs-tabpanel">
          <div className="cs-filters">
            <div className="cs-filter-row">
              <ChoiceSelect compact label="Filter flags by status" value={flagStatus} options={flagStatusOptions} onChange={(v) => setFlagStatus(v as Flag['status'] | 'any')} />
            </div>
          </div>
          <VirtualList
            ref={listRef}
            items={shownFlags}
            keyOf={(f) => f.id}
            selected={flagId}
            onChoose={(f) => {
              setFlagId(f.id);
              actions.revealAll(f.memberIds);
            }}
            renderRow={(f) => <FlagRow f={f} ix={ix} />}
            resetKey={flagStatus + query}
            rowHeight={ROW}
            label="Inconsistency flags"
            empty={flags.length === 0 ? 'Select two claims (Ctrl+click the second) and press I.' : 'Nothing matches.'}
          />
        </TabPanel>

        <TabPanel id="sources" className="cs-tabpanel">
          <div className="cs-filters">
            <div className="cs-filter-row">
              <ChoiceSelect compact label="Filter sources by grade" value={sourceGrade} options={gradeOptions} onChange={(v) => setSourceGrade(v as Source['reliability'] | 'any')} />
              <button
                type="button"
                className="cs-small"
                onClick={() => {
                  const taken = new Set(sources.map((s) => s.name.toLowerCase()));
                  let name = 'New source';
                  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `New source ${n}`;
                  void actions.createSource({ name }).then((created) => {
                    if (!created) return;
                    setSourceId(created.id);
                    requestAnimationFrame(() => {
                      nameRef.current?.focus();
                      nameRef.current?.select();
                    });
                  });
                }}
              >
                New source
              </button>
            </div>
          </div>
          <VirtualList
            ref={listRef}
            items={shownSources}
            keyOf={(s) => s.id}
            selected={sourceId}
            onChoose={(s) => setSourceId(s.id)}
            renderRow={(s) => <SourceRow s={s} ix={ix} />}
            resetKey={sourceGrade + query}
            rowHeight={ROW}
            label="Sources"
            empty={sources.length === 0 ? 'Tag an attribution (A) to add its source.' : 'Nothing matches.'}
          />
        </TabPanel>
      </Tabs>
      <section className="cs-details" aria-label="Details">
        {details ?? <p className="cs-empty cs-hint">{tab === 'annotations' ? 'Select a tag to see its details.' : tab === 'flags' ? 'Select a flag.' : 'Select a source.'}</p>}
      </section>
    </aside>
  );
});

/** Memoised: typing elsewhere in the app does not re-render the lists. */
export const AnnotationPanel = memo(PanelInner);
