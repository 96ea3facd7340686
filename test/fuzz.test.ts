import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../common/api';
import type { ApiResult } from '../common/errors';
import { METHOD_NAMES, type MethodName } from '../common/methods';
import { openApp, type App } from '../main/app';
import { createRouter, type Dispatch } from '../main/router';

// Property-based fuzzing of the one router both transports use, over a real database file seeded
// with a document, annotations, a source, a link and a flag. Malformed payloads (random values,
// and valid payloads with one thing broken) must each get `invalid_input`; well-formed ones naming
// ids that do not exist get `not_found` (or `invalid_input`); unknown method names get
// `unknown_method`. Nothing throws, nothing is logged as an internal error, and the database is
// byte-for-byte the same afterwards.

const RUNS = Number(process.env.CLAIMSCOPE_FUZZ_RUNS ?? 150);

let dir: string;
let app: App;
let dispatch: Dispatch;
const logged: string[] = [];
const ids = { document: 0, claim1: 0, claim2: 0, attribution: 0, source: 0, flag: 0 };

async function call<T = any>(method: MethodName, input: unknown): Promise<T> {
  const r = await app.dispatch(method, input);
  if (!r.ok) throw new Error(`seeding ${method}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/** Every table's every row, in rowid order, and the schema version: the database's content. */
function dump(): string {
  const tables = app.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const content: Record<string, unknown> = { user_version: app.db.pragma('user_version', { simple: true }) };
  for (const t of tables) content[t] = app.db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).raw().all();
  return JSON.stringify(content, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
}

function totalChanges(): number {
  return app.db.prepare('SELECT total_changes()').pluck().get() as number;
}

/** One valid payload per method, over the seeded rows: what the mutations start from. */
function validExamples(): Partial<Record<string, Record<string, unknown>>> {
  return {
    listDocuments: {},
    getDocument: { id: ids.document },
    getState: { documentId: ids.document },
    importFile: { path: path.join(dir, 'missing.txt') },
    importBytes: { name: 'x.txt', dataBase64: Buffer.from('Fuzz. Text.').toString('base64') },
    deleteDocument: { id: ids.document },
    createAnnotation: { documentId: ids.document, kind: 'claim', start: 0, end: 3 },
    updateAnnotation: { id: ids.claim1, status: 'supported', credibility: 2, note: 'n' },
    deleteAnnotation: { id: ids.claim1 },
    createSource: { name: 'Someone', type: 'person', aliases: ['S'], reliability: 'B', note: '', documentId: ids.document },
    updateSource: { id: ids.source, documentId: ids.document, name: 'Other', type: 'outlet', aliases: [], reliability: 'C', note: 'x' },
    mergeSources: { intoId: ids.source, fromId: ids.source + 1, documentId: ids.document },
    deleteSource: { id: ids.source, documentId: ids.document },
    setAnnotationSource: { annotationId: ids.attribution, source: { id: ids.source } },
    linkClaims: { attributionId: ids.attribution, claimIds: [ids.claim1] },
    unlinkClaims: { attributionId: ids.attribution, claimIds: [ids.claim1] },
    createFlag: { documentId: ids.document, memberIds: [ids.claim1, ids.claim2], explanation: 'e', status: 'open', note: '' },
    updateFlag: { id: ids.flag, memberIds: [ids.claim1, ids.claim2], explanation: 'e', status: 'confirmed', note: '' },
    deleteFlag: { id: ids.flag },
    undo: { documentId: ids.document },
    redo: { documentId: ids.document },
    exportReport: { documentId: ids.document, format: 'csv' },
    importAnnotations: { name: 'a.jsonld', json: '{}' },
    getVersionDiff: { documentId: ids.document },
    runSuggestions: { documentId: ids.document },
    listSuggestions: { documentId: ids.document },
    acceptSuggestions: { documentId: ids.document, ids: [1], type: 'claim', minScore: 0.5 },
    rejectSuggestions: { documentId: ids.document, ids: [1] },
    setAssessment: { documentId: ids.document, verdict: 'mixed', summary: 'Counts disagree.' },
    getSettings: {},
    updateSettings: { analystName: 'A. Analyst' },
    listCases: {},
    createCase: { name: 'Phone call' },
    renameCase: { id: 1, name: 'Call' },
    deleteCase: { id: 1 },
    addToCase: { caseId: 1, documentIds: [ids.document] },
    removeFromCase: { caseId: 1, documentId: ids.document },
    getCase: { id: 1 },
    createClaimGroup: { caseId: 1, label: 'Length of the call', members: [{ annotationId: ids.claim1, stance: 'states' }] },
    addToClaimGroup: { groupId: 1, annotationId: ids.claim1, stance: 'contradicts' },
    removeFromClaimGroup: { groupId: 1, annotationId: ids.claim1 },
    deleteClaimGroup: { id: 1 },
    undoCase: { caseId: 1 },
    redoCase: { caseId: 1 },
    suggestCase: { caseId: 1, corroborations: false },
    caseSuggestionProgress: { caseId: 1 },
  } as Partial<Record<string, Record<string, unknown>>>;
}

/** Values that are wrong for most fields: wrong types, bad numbers, hostile strings and objects. */
const badValue = fc.oneof(
  fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true }),
  fc.constantFrom(
    0, -1, 1.5, NaN, Infinity, -Infinity, 2 ** 53, -(2 ** 53), 1e308, '1', '', ' ', 'claim ', 'CLAIM', null, undefined, true, [], {}, [1],
    '__proto__', 'constructor', { __proto__: { polluted: true } }, JSON.parse('{"__proto__": {"polluted": true}}'),
    'x'.repeat(300_000), '\u0000', '../../etc/passwd', "'; DROP TABLE annotations; --",
  ),
);

/** A valid payload with one thing broken: a key dropped, a key's value replaced, or a key added. */
function mutated(example: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(example);
  const drop = keys.length ? fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(example).filter(([x]) => x !== k))) : fc.constant(example);
  const replace = keys.length
    ? fc.tuple(fc.constantFrom(...keys), badValue).map(([k, v]) => ({ ...example, [k]: v }))
    : fc.constant(example);
  const add = fc.tuple(fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'id ', 'ID')), badValue).map(([k, v]) => {
    const copy: Record<string, unknown> = { ...example };
    Object.defineProperty(copy, k, { value: v, enumerable: true, configurable: true, writable: true });
    return copy;
  });
  const wrapped = fc.constantFrom<unknown>([example], JSON.stringify(example), { input: example });
  return fc.oneof(drop, replace, add, wrapped);
}

function malformedFor(method: MethodName): fc.Arbitrary<unknown> {
  const example = validExamples()[method] ?? {};
  return fc.oneof({ weight: 1, arbitrary: badValue }, { weight: 3, arbitrary: mutated(example) }).filter((input) => !api[method].input.safeParse(input).success);
}

function expectFailure(result: ApiResult<unknown>, codes: string[], label: string): void {
  expect(result.ok, label).toBe(false);
  if (result.ok) return;
  expect(codes, `${label}: ${result.error.code} ${result.error.message}`).toContain(result.error.code);
  expect(typeof result.error.message).toBe('string');
  expect(result.error.message.length).toBeGreaterThan(0);
  expect(result.error.message, label).not.toContain('\n');
  expect(result.error.message.length, label).toBeLessThan(1000);
}

describe('fuzzing the API router', () => {
  let before: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-fuzz-'));
    app = openApp(path.join(dir, 'claimscope.db'));
    const text = 'The minister said the budget grew. Critics said it shrank. Both cited the same report.';
    ids.document = (await call<{ document: { id: number } }>('importBytes', { name: 'seed.txt', dataBase64: Buffer.from(text).toString('base64') })).document.id;
    const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    ids.claim1 = (await call('createAnnotation', { documentId: ids.document, kind: 'claim', ...at('the budget grew') })).annotation.id;
    ids.claim2 = (await call('createAnnotation', { documentId: ids.document, kind: 'claim', ...at('it shrank') })).annotation.id;
    ids.attribution = (await call('createAnnotation', { documentId: ids.document, kind: 'attribution', ...at('The minister said') })).annotation.id;
    ids.source = (await call('createSource', { name: 'The minister', type: 'person', documentId: ids.document })).source.id;
    await call('setAnnotationSource', { annotationId: ids.attribution, source: { id: ids.source } });
    ids.flag = (await call('createFlag', { documentId: ids.document, memberIds: [ids.claim1, ids.claim2], explanation: 'grew vs shrank' })).flag.id;
    dispatch = createRouter(app.service, (m) => logged.push(m));
    before = dump();
  });

  afterAll(() => {
    app?.close();
  });

  it('every method has a valid example here, and each example passes its schema', () => {
    const examples = validExamples();
    for (const m of METHOD_NAMES) {
      const example = examples[m];
      if (!example) {
        console.warn(`test/fuzz.test.ts: no valid example for ${m}; it is fuzzed with random values only`);
        continue;
      }
      expect(api[m].input.safeParse(example).success, m).toBe(true);
    }
  });

  it('a malformed payload to any method gets invalid_input, and nothing is written', async () => {
    const arb = fc.constantFrom(...METHOD_NAMES).chain((method) => fc.tuple(fc.constant(method), malformedFor(method)));
    await fc.assert(
      fc.asyncProperty(arb, async ([method, input]) => {
        const changes = totalChanges();
        let result: ApiResult<unknown>;
        try {
          result = await dispatch(method, input);
        } catch (err) {
          throw new Error(`${method} threw: ${String(err)}`, { cause: err });
        }
        expectFailure(result, ['invalid_input'], method);
        if (!result.ok) expect(result.error.message.startsWith(`${method}: `), result.error.message).toBe(true);
        expect(totalChanges(), method).toBe(changes);
      }),
      { numRuns: RUNS * METHOD_NAMES.length, interruptAfterTimeLimit: 20_000 },
    );
    expect(logged).toEqual([]);
    expect(dump()).toBe(before);
  });

  it('an unknown key is refused by every method (strict inputs)', async () => {
    const examples = validExamples();
    for (const m of METHOD_NAMES) {
      const example = examples[m];
      if (!example) continue;
      const r = await dispatch(m, { ...example, unexpected: 1 });
      expectFailure(r, ['invalid_input'], m);
    }
    expect(dump()).toBe(before);
  });

  it('well-formed payloads naming ids that do not exist get not_found (or invalid_input); nothing is written', async () => {
    const missing = fc.integer({ min: 1_000_000, max: Number.MAX_SAFE_INTEGER - 1 });
    const cases = [
      ['getDocument', (n) => ({ id: n })],
      ['getState', (n) => ({ documentId: n })],
      ['deleteDocument', (n) => ({ id: n })],
      ['createAnnotation', (n) => ({ documentId: n, kind: 'claim', start: 0, end: 1 })],
      ['updateAnnotation', (n) => ({ id: n, status: 'refuted' })],
      ['deleteAnnotation', (n) => ({ id: n })],
      ['updateSource', (n) => ({ id: n, name: 'X' })],
      ['mergeSources', (n) => ({ intoId: n, fromId: n + 1 })],
      ['mergeSources', (n) => ({ intoId: ids.source, fromId: n })],
      ['deleteSource', (n) => ({ id: n })],
      ['setAnnotationSource', (n) => ({ annotationId: n, source: null })],
      ['setAnnotationSource', (n) => ({ annotationId: ids.attribution, source: { id: n } })],
      ['linkClaims', (n) => ({ attributionId: n, claimIds: [ids.claim1] })],
      ['linkClaims', (n) => ({ attributionId: ids.attribution, claimIds: [n] })],
      ['unlinkClaims', (n) => ({ attributionId: n, claimIds: [ids.claim1] })],
      ['createFlag', (n) => ({ documentId: n, memberIds: [ids.claim1, ids.claim2] })],
      ['createFlag', (n) => ({ documentId: ids.document, memberIds: [ids.claim1, n] })],
      ['updateFlag', (n) => ({ id: n, status: 'dismissed' })],
      ['deleteFlag', (n) => ({ id: n })],
      ['undo', (n) => ({ documentId: n })],
      ['redo', (n) => ({ documentId: n })],
      ['exportReport', (n) => ({ documentId: n, format: 'md' })],
      ['getVersionDiff', (n) => ({ documentId: n })],
      ['runSuggestions', (n) => ({ documentId: n })],
      ['listSuggestions', (n) => ({ documentId: n })],
      ['acceptSuggestions', (n) => ({ documentId: n })],
      ['rejectSuggestions', (n) => ({ documentId: n, ids: [1] })],
      ['setAssessment', (n) => ({ documentId: n, verdict: 'false' })],
      ['renameCase', (n) => ({ id: n, name: 'x' })],
      ['deleteCase', (n) => ({ id: n })],
      ['addToCase', (n) => ({ caseId: n, documentIds: [n] })],
      ['removeFromCase', (n) => ({ caseId: n, documentId: n })],
      ['getCase', (n) => ({ id: n })],
      ['createClaimGroup', (n) => ({ caseId: n })],
      ['addToClaimGroup', (n) => ({ groupId: n, annotationId: n })],
      ['removeFromClaimGroup', (n) => ({ groupId: n, annotationId: n })],
      ['deleteClaimGroup', (n) => ({ id: n })],
      ['undoCase', (n) => ({ caseId: n })],
      ['redoCase', (n) => ({ caseId: n })],
      ['suggestCase', (n) => ({ caseId: n })],
      ['caseSuggestionProgress', (n) => ({ caseId: n })],
    ] as Array<[MethodName, (n: number) => unknown]>;
    const known = cases.filter(([m]) => (METHOD_NAMES as readonly string[]).includes(m));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...known), missing, async ([method, make], n) => {
        const input = make(n);
        expect(api[method].input.safeParse(input).success, method).toBe(true);
        const changes = totalChanges();
        const r = await dispatch(method, input);
        expectFailure(r, ['not_found', 'invalid_input'], `${method} ${JSON.stringify(input)}`);
        expect(totalChanges(), method).toBe(changes);
      }),
      { numRuns: RUNS * 2 },
    );
    expect(logged).toEqual([]);
    expect(dump()).toBe(before);
  });

  it('unknown method names, prototype names among them, get unknown_method', async () => {
    const names = fc.oneof(
      fc.string(),
      fc.anything({ maxDepth: 2 }),
      fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'listDocuments ', 'ListDocuments', 'api', ''),
      // Values String() cannot convert: the router must still answer.
      fc.constantFrom({ toString: '' }, Object.create(null), { toString: () => { throw new Error('boom'); } }, Symbol('listDocuments')),
    ).filter((name) => !(typeof name === 'string' && (METHOD_NAMES as readonly string[]).includes(name)));
    await fc.assert(
      fc.asyncProperty(names, fc.anything({ maxDepth: 2 }), async (name, input) => {
        let r: ApiResult<unknown>;
        try {
          r = await dispatch(name, input);
        } catch (err) {
          throw new Error(`dispatch threw for a ${typeof name} method name: ${String(err)}`, { cause: err });
        }
        expectFailure(r, ['unknown_method'], typeof name === 'string' ? name : typeof name);
      }),
      { numRuns: RUNS * 3 },
    );
    expect(dump()).toBe(before);
  });
});
