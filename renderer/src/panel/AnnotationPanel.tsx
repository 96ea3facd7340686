import { forwardRef, memo, type ReactNode, useCallback, useDeferredValue, useEffect, useEffectEvent, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { Input, SearchField, Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { Group, Panel, Separator, useDefaultLayout, usePanelRef } from 'react-resizable-panels';
import { FLAG_STATUSES, type Annotation, type Flag, type Source } from '../../../common/domain';
import type { SyncConflict } from '../../../common/workspace';
import { AnnotationDetails } from '../details/AnnotationDetails';
import { ChoiceSelect } from '../details/ChoiceSelect';
import { FlagDetails } from '../details/FlagDetails';
import { SourceDetails } from '../details/SourceDetails';
import type { NoteEditorHandle } from '../notes/NoteEditor';
import type { Indexes } from '../store/indexes';
import type { WorkflowActions } from '../workflow/actions';
import { AnnotationFilterBar, ANY, gradeOptions } from './AnnotationFilterBar';
import { analystsOf, DEFAULT_FILTERS, filterAnnotations, filterFlags, filterSources, FLAG_STATUS_LABEL, sourcesOf, type AnnotationFilters } from './model';
import { AnnotationRow, FlagRow, SourceRow } from './rows';
import { VirtualList, type VirtualListHandle } from './VirtualList';
import { layoutStorage } from '../layout/storage';

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
  /** Sorted by start, then id (as the store keeps them). */
  annotations: readonly Annotation[];
  ix: Indexes;
  flags: readonly Flag[];
  sources: readonly Source[];
  selectedId: number | null;
  alsoSelected: readonly number[];
  actions: WorkflowActions;
  /** The lower pane shows the details of what is selected, or the assistant's suggestions. */
  lower: LowerTab;
  onLower(tab: LowerTab): void;
  assistant: ReactNode;
  /** The analyst's verdict and summary on the whole document. */
  assessment: ReactNode;
  /** Open suggestions (the Assistant tab's count); a string while the assistant reads. */
  assistantBadge: string;
  /** The team workspace's conflicts over this document's records, not yet dismissed. */
  conflicts?: readonly SyncConflict[];
  onDismissConflict?(id: number): void;
}

const NO_CONFLICTS: readonly SyncConflict[] = [];
const ignore = () => {};

export type LowerTab = 'details' | 'assessment' | 'assistant';

const ROW = 50;
/** The list pane keeps room for this many rows under its tabs, search and filters. */
const MIN_ROWS = 6;
const LIST_CHROME = 150;
/** The lower pane folds to its tab row. */
const LOWER_HEADER = 36;

const flagStatusOptions = [{ id: ANY, label: 'Any status' }, ...FLAG_STATUSES.map((s) => ({ id: s, label: FLAG_STATUS_LABEL[s] }))];

const PanelInner = forwardRef<PanelHandle, Props>(function AnnotationPanel(
  { annotations, ix, flags, sources, selectedId, alsoSelected, actions, lower, onLower, assistant, assessment, assistantBadge, conflicts = NO_CONFLICTS, onDismissConflict = ignore },
  ref,
) {
  const { defaultLayout, onLayoutChanged } = useDefaultLayout({ id: 'claimscope-panel', storage: layoutStorage });
  const lowerRef = usePanelRef();
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
  const shownAnnotations = useMemo(() => filterAnnotations(annotations, ix, { ...filters, search: query }), [annotations, ix, filters, query]);
  const shownFlags = useMemo(() => filterFlags(flags, ix, flagStatus, query), [flags, ix, flagStatus, query]);
  const analysts = useMemo(() => analystsOf(annotations), [annotations]);
  // Conflicts by the record they concern ('annotations:12'), each list kept while it holds the same ones.
  const conflictsOf = useMemo(() => {
    const map = new Map<string, SyncConflict[]>();
    for (const c of conflicts) {
      if (c.recordId === null) continue;
      const k = `${c.table}:${c.recordId}`;
      map.set(k, [...(map.get(k) ?? []), c]);
    }
    return map;
  }, [conflicts]);
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
  const followSelection = useEffectEvent((id: number) => {
    if (tab === 'flags') {
      const fl = ix.flagsOf.get(id);
      if (fl?.length && !fl.some((f) => f.id === flagId)) setFlagId(fl[0]!.id);
    } else if (tab === 'sources') {
      const s = sourcesOf(ix, id)[0];
      if (s) setSourceId(s.id);
    }
  });
  useEffect(() => {
    if (selectedId !== null) followSelection(selectedId);
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

  const filtered =
    filters.kind !== 'all' ||
    filters.status !== 'any' ||
    filters.source !== 'any' ||
    filters.grade !== 'any' ||
    filters.unsourced ||
    filters.analyst !== '' ||
    search.trim() !== '';

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
        conflicts={conflictsOf.get(`annotations:${selected.id}`) ?? NO_CONFLICTS}
        onDismissConflict={onDismissConflict}
      />
    );
  } else if (tab === 'flags' && flag) {
    details = (
      <FlagDetails
        flag={flag}
        ix={ix}
        actions={actions}
        noteRef={noteRef}
        conflicts={conflictsOf.get(`flags:${flag.id}`) ?? NO_CONFLICTS}
        onDismissConflict={onDismissConflict}
      />
    );
  } else if (tab === 'sources' && source) {
    details = <SourceDetails source={source} sources={sources} ix={ix} actions={actions} noteRef={noteRef} nameRef={nameRef} mergeRef={mergeRef} />;
  }

  return (
    <aside className="cs-panel" aria-label="Annotations">
      <Group className="cs-panel-split" id="claimscope-panel" orientation="vertical" defaultLayout={defaultLayout} onLayoutChanged={onLayoutChanged}>
      <Panel id="list" className="cs-panel-list" minSize={LIST_CHROME + MIN_ROWS * ROW}>
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
        <SearchField
          className="cs-search"
          aria-label="Search the panel"
          value={search}
          onChange={setSearch}
          // Escape clears the search; in an empty one it hands the keys back to the text, so the
          // next shortcut letters are shortcuts again, not a search.
          onKeyDown={(e) => {
            if (e.key === 'Escape' && search === '') {
              searchRef.current?.blur();
              document.querySelector<HTMLElement>('.cs-document')?.focus({ preventScroll: true });
            }
          }}
        >
          <Input ref={searchRef} className="cs-input" placeholder="Search (/)" />
        </SearchField>

        <TabPanel id="annotations" className="cs-tabpanel">
          <AnnotationFilterBar
            filters={filters}
            ix={ix}
            sources={sources}
            analysts={analysts}
            shown={filtered ? shownAnnotations.length : null}
            total={annotations.length}
            onChange={setFilters}
            onClear={() => {
              setFilters(DEFAULT_FILTERS);
              setSearch('');
            }}
          />
          <VirtualList
            ref={listRef}
            items={shownAnnotations}
            keyOf={(a) => a.id}
            selected={selectedId}
            alsoSelected={alsoSelected}
            onChoose={(a, add) => actions.reveal(a.id, add)}
            renderRow={(a) => <AnnotationRow a={a} ix={ix} conflicted={conflictsOf.has(`annotations:${a.id}`)} />}
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
      </Panel>
      <Separator className="cs-splitter" />
      <Panel id="lower" className="cs-panel-lower" panelRef={lowerRef} collapsible collapsedSize={LOWER_HEADER} minSize={140} defaultSize="45%">
        <Tabs
          selectedKey={lower}
          onSelectionChange={(k: Key) => {
            onLower(k as LowerTab);
            if (lowerRef.current?.isCollapsed()) lowerRef.current.expand();
          }}
          className="cs-tabs cs-lower-tabs"
        >
          <TabList aria-label="Details, assessment or assistant" className="cs-tablist">
            <Tab id="details" className="cs-tab">
              Details
            </Tab>
            <Tab id="assessment" className="cs-tab">
              Verdict
            </Tab>
            <Tab id="assistant" className="cs-tab">
              Assistant <span className="cs-tab-count">{assistantBadge}</span>
            </Tab>
          </TabList>
          <TabPanel id="details" className="cs-tabpanel cs-lower-panel">
            <section className="cs-details" aria-label="Details">
              {details ?? <p className="cs-empty cs-hint">{tab === 'annotations' ? 'Select a tag to see its details.' : tab === 'flags' ? 'Select a flag.' : 'Select a source.'}</p>}
            </section>
          </TabPanel>
          <TabPanel id="assessment" className="cs-tabpanel cs-lower-panel">
            {assessment}
          </TabPanel>
          <TabPanel id="assistant" className="cs-tabpanel cs-lower-panel">
            {assistant}
          </TabPanel>
        </Tabs>
      </Panel>
      </Group>
    </aside>
  );
});

/** Memoised: typing elsewhere in the app does not re-render the lists. */
export const AnnotationPanel = memo(PanelInner);
