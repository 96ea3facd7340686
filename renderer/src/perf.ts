// Timings of opening a document and of tagging, as performance marks (named cs:…, visible in a
// Chromium performance trace) and as plain numbers on window.__csPerf for the benchmark. Only
// durations are kept: no text, no ids beyond the open document's.

export interface OpenSample {
  documentId: number;
  /** From the request to open to the first frame with the text, the visible highlights and input. */
  total: number;
  /** Request to document received (IPC or HTTP, the service, parsing). */
  received: number;
  /** Request to editor created (React render, TipTap document and view). */
  editor: number;
  /** Request to highlights of the viewport in the DOM. */
  decorated: number;
}

export interface TagSample {
  /** Key handler entered to the pending highlight in the DOM (synchronous work). */
  work: number;
  /** Key event to the first frame painted with the highlight. */
  visible?: number;
  /** Key event to the write acknowledged by the database. */
  roundtrip?: number;
}

export interface PerfRecord {
  opens: OpenSample[];
  tags: TagSample[];
}

declare global {
  interface Window {
    __csPerf?: PerfRecord;
  }
}

const record: PerfRecord = { opens: [], tags: [] };
if (typeof window !== 'undefined') window.__csPerf = record;

const now = () => performance.now();

/**
 * Runs `fn` once the next frame has been painted: after its rAF callbacks, style, layout and paint.
 * `inFrame` runs in that frame's animation callbacks, after those registered before it.
 */
export function afterNextPaint(fn: (time: number) => void, inFrame?: () => void): void {
  requestAnimationFrame(() => {
    inFrame?.();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      fn(now());
    };
    channel.port2.postMessage(null);
  });
}

let opening: { id: number; t0: number; received?: number; editor?: number; decorated?: number } | null = null;

export function markOpenRequested(id: number): void {
  performance.mark('cs:open-requested');
  opening = { id, t0: now() };
}

export function markDocumentReceived(id: number): void {
  if (opening?.id !== id) return;
  performance.mark('cs:document-received');
  opening.received = now();
}

export function markEditorCreated(id: number): void {
  if (opening?.id !== id || opening.editor !== undefined) return;
  performance.mark('cs:editor-created');
  opening.editor = now();
}

export function markDecorated(id: number): void {
  if (opening?.id !== id || opening.decorated !== undefined) return;
  performance.mark('cs:decorations-applied');
  opening.decorated = now();
}

/** The first frame with the document and its visible highlights has been painted. */
export function markOpened(id: number, at = now()): void {
  document.body.dataset.csOpenedDoc = String(id);
  if (opening?.id !== id) return;
  performance.mark('cs:open-painted');
  performance.measure('cs:open', 'cs:open-requested', 'cs:open-painted');
  const o = opening;
  opening = null;
  record.opens.push({
    documentId: id,
    total: at - o.t0,
    received: (o.received ?? at) - o.t0,
    editor: (o.editor ?? at) - o.t0,
    decorated: (o.decorated ?? at) - o.t0,
  });
}

let tagKey: { event: number; handler: number } | null = null;

/** Runs the synchronous part of a tag key's handler, timed from now (see markTagDrawn). */
export function timedTagKey<T>(event: KeyboardEvent, handler: () => T): T {
  performance.mark('cs:tag-key');
  tagKey = { event: event.timeStamp, handler: now() };
  try {
    return handler();
  } finally {
    tagKey = null;
  }
}

/**
 * The pending highlight is in the DOM. Returns a function to call when the database acknowledged
 * the write (or a no-op when the tag did not come from a key).
 */
export function markTagDrawn(): (ok: boolean) => void {
  const key = tagKey;
  tagKey = null;
  if (!key) return () => {};
  performance.mark('cs:tag-drawn');
  const sample: TagSample = { work: now() - key.handler };
  record.tags.push(sample);
  afterNextPaint((t) => {
    performance.mark('cs:tag-visible');
    sample.visible = t - key.event;
  });
  return (ok) => {
    if (!ok) return;
    performance.mark('cs:tag-acknowledged');
    sample.roundtrip = now() - key.event;
  };
}
