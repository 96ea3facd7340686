import { useEffect, useEffectEvent, useRef, type ReactNode } from 'react';
import { Group, Panel, Separator, useDefaultLayout, usePanelRef } from 'react-resizable-panels';
import { useMediaQuery } from './useMediaQuery';
import { layoutStorage } from './storage';

// The window's columns: the library, the text, the side panel, with splitters that remember their
// sizes. The text column never drops below about 60 characters a line (its minimum width); below
// NARROW the library folds to an icon rail and comes back when the window widens again, unless
// the analyst folded it. Wide windows give the extra width to the side panel, not to margins.

export const NARROW = '(max-width: 1279px)';
const RAIL = 48;

interface Props {
  /** The library, as a full list or (rail) as icons. */
  library(rail: boolean): ReactNode;
  main: ReactNode;
  /** The side panel; null when no document is open. */
  side: ReactNode | null;
  /** Whether the library shows in full (the analyst's choice: the Library button, Ctrl+B). */
  libraryOpen: boolean;
  onLibraryOpen(open: boolean): void;
  /**
   * What the desk holds: a document (one text column), or a case (two documents side by side or
   * the matrix, wider, with a narrower side panel). Each remembers its own sizes.
   */
  holds?: 'document' | 'case';
}

const LAYOUTS = {
  document: { id: 'claimscope-desk', textMin: 540, side: '38%' },
  case: { id: 'claimscope-case-desk', textMin: 720, side: '30%' },
} as const;

export function Desk(props: Props) {
  const holds = props.holds ?? 'document';
  // Another layout is another group (its own remembered sizes), mounted afresh.
  return <DeskGroup key={holds} {...props} layout={LAYOUTS[holds]} />;
}

function DeskGroup({ library, main, side, libraryOpen, onLibraryOpen, layout }: Props & { layout: (typeof LAYOUTS)[keyof typeof LAYOUTS] }) {
  const narrow = useMediaQuery(NARROW);
  const libraryRef = usePanelRef();
  const panelIds = side ? ['library', 'text', 'side'] : ['library', 'text'];
  const { defaultLayout, onLayoutChanged } = useDefaultLayout({ id: layout.id, panelIds, storage: layoutStorage });

  // Narrow windows fold the library; widening brings back what the analyst had chosen.
  // (On a change only: at start the remembered layout says whether the library is open.)
  const choiceWhenWide = useRef(libraryOpen);
  const wasNarrow = useRef<boolean | null>(null);
  const onNarrow = useEffectEvent((isNarrow: boolean) => {
    const first = wasNarrow.current === null;
    wasNarrow.current = isNarrow;
    if (isNarrow && (first || libraryOpen)) {
      choiceWhenWide.current = libraryOpen;
      onLibraryOpen(false);
    } else if (!isNarrow && !first) onLibraryOpen(choiceWhenWide.current);
  });
  useEffect(() => onNarrow(narrow), [narrow]);

  // The analyst's choice drives the panel; a drag past its edge is a choice too (onResize below).
  useEffect(() => {
    const panel = libraryRef.current;
    if (!panel) return;
    if (libraryOpen && panel.isCollapsed()) panel.expand();
    else if (!libraryOpen && !panel.isCollapsed()) panel.collapse();
  }, [libraryOpen, libraryRef]);

  return (
    <Group className="cs-desk" id={layout.id} orientation="horizontal" defaultLayout={defaultLayout} onLayoutChanged={onLayoutChanged}>
      <Panel
        id="library"
        panelRef={libraryRef}
        className="cs-desk-library"
        collapsible
        collapsedSize={RAIL}
        minSize={170}
        maxSize={420}
        defaultSize={libraryOpen ? 240 : RAIL}
        groupResizeBehavior="preserve-pixel-size"
        onResize={(size) => {
          const open = size.inPixels > RAIL + 1;
          if (open !== libraryOpen) onLibraryOpen(open);
        }}
      >
        {library(!libraryOpen)}
      </Panel>
      <Separator className="cs-splitter" />
      <Panel id="text" className="cs-desk-text" minSize={layout.textMin}>
        {main}
      </Panel>
      {side && (
        <>
          <Separator className="cs-splitter" />
          <Panel id="side" className="cs-desk-side" minSize={300} defaultSize={layout.side}>
            {side}
          </Panel>
        </>
      )}
    </Group>
  );
}
