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
  'undo',
  'redo',
] as const;
export type MethodName = (typeof METHOD_NAMES)[number];

/** The IPC channel every API call travels on in Electron. */
export const API_CHANNEL = 'claimscope:api';
/** The HTTP header that carries the web host's per-launch secret. */
export const SECRET_HEADER = 'x-claimscope-secret';
