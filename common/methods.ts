// The API's method names, free of any dependency so the sandboxed preload can import it alone.
// common/api.ts checks at compile time that this list and the Api description agree.
export const METHOD_NAMES = [
  'listDocuments',
  'getDocument',
  'getState',
  'importFile',
  'importBytes',
  'deleteDocument',
  'createAnnotation',
  'updateAnnotation',
  'deleteAnnotation',
  'createSource',
  'updateSource',
  'mergeSources',
  'deleteSource',
  'setAnnotationSource',
  'linkClaims',
  'unlinkClaims',
  'createFlag',
  'updateFlag',
  'deleteFlag',
  'undo',
  'redo',
  'exportReport',
  'importAnnotations',
  'getVersionDiff',
  'runSuggestions',
  'listSuggestions',
  'acceptSuggestions',
  'rejectSuggestions',
  'setAssessment',
  'getSettings',
  'updateSettings',
  'listCases',
  'createCase',
  'renameCase',
  'deleteCase',
  'addToCase',
  'removeFromCase',
  'getCase',
  'createClaimGroup',
  'addToClaimGroup',
  'removeFromClaimGroup',
  'deleteClaimGroup',
  'undoCase',
  'redoCase',
  'suggestCase',
  'caseSuggestionProgress',
  'acceptCaseSuggestion',
  'dismissCaseSuggestion',
  'updateClaimGroup',
  'createHypothesis',
  'updateHypothesis',
  'deleteHypothesis',
  'setAchMark',
  'exportCase',
  'workspaceStatus',
  'connectWorkspace',
  'syncWorkspace',
  'leaveWorkspace',
  'listConflicts',
  'dismissConflict',
] as const;
export type MethodName = (typeof METHOD_NAMES)[number];

/** The IPC channel every API call travels on in Electron. */
export const API_CHANNEL = 'claimscope:api';
/** The HTTP header that carries the web host's per-launch secret. */
export const SECRET_HEADER = 'x-claimscope-secret';

/**
 * The IPC channel on which the preload tells main the path of a file the analyst dropped on the
 * window: importFile accepts only paths main handed out itself or heard of here.
 */
export const GRANT_CHANNEL = 'claimscope:grant-path';

/** The IPC channel on which main tells the renderer about menu commands and opened files. */
export const EVENT_CHANNEL = 'claimscope:event';

export type AppEvent =
  | { type: 'opened'; documentId: number }
  | { type: 'command'; command: 'undo' | 'redo' | 'shortcuts' | 'library' | 'export' }
  | { type: 'error'; message: string };

/** What the preload exposes as window.claimscope. Results come as envelopes; the client unwraps them. */
export interface Bridge {
  api: Record<MethodName, (input: unknown) => Promise<unknown>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
  /** The file-system path of a File dropped or picked in the window (Electron only). */
  pathForFile(file: unknown): string;
}
