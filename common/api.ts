// The one description of the API: each method's input and output schema. Main's handler table,
// the preload bridge and the browser client are all typed from it.
import { z } from 'zod';
import {
  Annotation,
  AnnotationKind,
  ClaimStatus,
  Credibility,
  DocumentRecord,
  DocumentState,
  DocumentSummary,
  Id,
  Offset,
} from './domain';
import type { MethodName } from './methods';

const MAX_PATH = 4096;
/** Imports are capped at 50 MB of file; base64 grows that by a third. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const DocumentRef = z.strictObject({ documentId: Id });
const Imported = z.object({ document: DocumentSummary, existing: z.boolean() });

export const api = {
  listDocuments: {
    input: z.strictObject({}),
    output: z.object({ documents: z.array(DocumentSummary) }),
  },
  getDocument: {
    input: z.strictObject({ id: Id }),
    output: z.object({ document: DocumentRecord, state: DocumentState }),
  },
  getState: {
    input: DocumentRef,
    output: DocumentState,
  },
  importFile: {
    input: z.strictObject({ path: z.string().min(1).max(MAX_PATH) }),
    output: Imported,
  },
  importBytes: {
    input: z.strictObject({
      name: z.string().min(1).max(255),
      dataBase64: z.string().max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4),
    }),
    output: Imported,
  },
  deleteDocument: {
    input: z.strictObject({ id: Id }),
    output: z.object({ deleted: Id }),
  },
  createAnnotation: {
    input: z
      .strictObject({ documentId: Id, kind: AnnotationKind, start: Offset, end: Offset })
      .refine((a) => a.end > a.start, { message: 'end must be greater than start' }),
    output: z.object({ annotation: Annotation }),
  },
  updateAnnotation: {
    input: z.strictObject({
      id: Id,
      status: ClaimStatus.optional(),
      credibility: Credibility.nullable().optional(),
      note: z.string().max(100_000).optional(),
    }),
    output: z.object({ annotation: Annotation }),
  },
  deleteAnnotation: {
    input: z.strictObject({ id: Id }),
    output: z.object({ deleted: Id }),
  },
  undo: {
    input: DocumentRef,
    output: z.object({ label: z.string().nullable(), state: DocumentState }),
  },
  redo: {
    input: DocumentRef,
    output: z.object({ label: z.string().nullable(), state: DocumentState }),
  },
} satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType }>;

export type Api = typeof api;
export type Input<M extends MethodName> = z.input<Api[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Api[M]['input']>;
export type Output<M extends MethodName> = z.output<Api[M]['output']>;

/** Main's side: one handler per method; a missing one does not compile. */
export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => Output<M> | Promise<Output<M>> };
/** The renderer's side: every method returns a promise. */
export type Client = { [M in MethodName]: (input: Input<M>) => Promise<Output<M>> };

// The method list and the Api description must name the same methods, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const methodsMatch: Same<keyof Api, MethodName> = true;
void methodsMatch;
