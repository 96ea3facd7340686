import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mirroredCall } from '../../test/mirror';
import { readPdf } from '../../test/export/pdf-read';
import { openApp, type App } from '../app';

// exportCase through the router over a real SQLite database: two documents, a claim group with a
// contradiction, a graded source, a hypothesis; each format, the refusals, the fingerprint check.

const opened: App[] = [];
afterEach(() => opened.splice(0).forEach((a) => a.close()));
const call = mirroredCall;

const READOUT = 'MOSCOW, 3 July 2025 - Presidential aide Yury Ushakov said the conversation lasted 90 minutes. It was the sixth conversation this year.\n';
const STATEMENT = 'WASHINGTON - The President spoke with President Putin <img src=x onerror=alert(1)>. The conversation lasted about an hour. It was the sixth conversation this year.\n';

async function failure(a: App, method: string, input: unknown) {
  const r = await a.dispatch(method, input);
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error;
}

async function seeded() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-case-export-'));
  const a = openApp(path.join(dir, 'c.db'));
  opened.push(a);
  const docs: number[] = [];
  for (const [name, text] of [['kremlin.txt', READOUT], ['white-house.txt', STATEMENT]] as const) {
    fs.writeFileSync(path.join(dir, name), text);
    docs.push((await call(a, 'importFile', { path: path.join(dir, name) })).document.id);
  }
  const claim = async (documentId: number, text: string, phrase: string) => {
    const start = text.indexOf(phrase);
    return (await call(a, 'createAnnotation', { documentId, kind: 'claim', start, end: start + phrase.length })).annotation.id as number;
  };
  const caseId = (await call(a, 'createCase', { name: "Leaders' call: July" })).case.id as number;
  await call(a, 'addToCase', { caseId, documentIds: docs });
  const k = await claim(docs[0]!, READOUT, 'the conversation lasted 90 minutes');
  const w = await claim(docs[1]!, STATEMENT, 'The conversation lasted about an hour.');
  const k6 = await claim(docs[0]!, READOUT, 'It was the sixth conversation this year.');
  const w6 = await claim(docs[1]!, STATEMENT, 'It was the sixth conversation this year.');
  const cue = READOUT.indexOf('Presidential aide Yury Ushakov said');
  const attribution = (await call(a, 'createAnnotation', { documentId: docs[0], kind: 'attribution', start: cue, end: cue + 'Presidential aide Yury Ushakov said'.length })).annotation.id;
  await call(a, 'setAnnotationSource', { annotationId: attribution, source: { create: { name: 'Yury Ushakov', reliability: 'B' } } });
  const length = (await call(a, 'createClaimGroup', { caseId, label: 'Length of the call <b>bold</b>', members: [{ annotationId: k }, { annotationId: w, stance: 'contradicts' }] })).claimGroup.id as number;
  const count = (await call(a, 'createClaimGroup', { caseId, label: 'Sixth call this year', members: [{ annotationId: k6 }, { annotationId: w6 }] })).claimGroup.id as number;
  const hypothesis = (await call(a, 'createHypothesis', { caseId, label: 'The readout inflates the call' })).hypothesis.id;
  await call(a, 'setAchMark', { hypothesisId: hypothesis, groupId: length, mark: 'inconsistent' });
  await call(a, 'setAchMark', { hypothesisId: hypothesis, groupId: count, mark: 'consistent' });
  const shas = docs.map((d) => (a.db.prepare('SELECT sha256 FROM documents WHERE id = ?').pluck().get(d) as string));
  return { a, docs, caseId, length, count, shas };
}

describe('exportCase', () => {
  it('writes the HTML report: the matrix, the contested claim with both passages, the graded source', async () => {
    const { a, caseId, length, count } = await seeded();
    const f = await call(a, 'exportCase', { caseId, format: 'html', analyst: 'Ana', locale: 'en-GB', timeZone: 'UTC' });
    expect(f).toMatchObject({ fileName: 'Leaders-call-July.html', mimeType: 'text/html', encoding: 'utf8' });
    const html = f.content as string;
    fs.writeFileSync('/tmp/claimscope-case-report.html', html);
    expect(html).toContain('<h1>Leaders&#39; call: July</h1>');
    expect(html).toContain('<dt>Analyst</dt><dd>Ana</dd>');
    expect(html).not.toMatch(/<script|<img|<b>/i);
    const cells = (id: number) => [...new RegExp(`<tr id="row-g${id}"[^>]*>(.*?)</tr>`).exec(html)![1]!.matchAll(/data-cell="(\w+)"/g)].map((x) => x[1]);
    expect(cells(length)).toEqual(['stated', 'contradicted']);
    expect(cells(count)).toEqual(['stated', 'stated']);
    const contested = /<section id="contested"[^]*?<\/section>/.exec(html)![0];
    expect(contested).toContain(`id="g${length}"`);
    expect(contested).not.toContain(`id="g${count}"`);
    expect(contested).toContain('<q class="passage">the conversation lasted 90 minutes</q>');
    expect(contested).toContain('<q class="passage">The conversation lasted about an hour.</q>');
    expect(contested).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toMatch(/<td>Yury Ushakov<\/td><td><span class="grade" data-grade="B">B<\/span> Usually reliable<\/td>/);
    expect(html).toContain('<td class="score">1</td>');
  });

  it('writes JSON-LD: each claim group an AnnotationCollection whose targets are its documents', async () => {
    const { a, caseId, length, shas, docs } = await seeded();
    const f = await call(a, 'exportCase', { caseId, format: 'json' });
    expect(f).toMatchObject({ fileName: 'Leaders-call-July.jsonld', mimeType: 'application/ld+json' });
    const ld = JSON.parse(f.content);
    expect(ld['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(ld.type).toContain('as:OrderedCollection');
    const group = ld.items.find((g: any) => g.id === `urn:claimscope:claim-group:${length}`);
    expect(group).toMatchObject({ type: 'AnnotationCollection', total: 2, 'claimscope:contested': true });
    const items = group.first.items;
    expect(items.map((x: any) => x.target.source)).toEqual(shas.map((s) => `urn:claimscope:document:${s}`));
    expect(items.map((x: any) => x['claimscope:stance'])).toEqual(['states', 'contradicts']);
    const [quote, position] = items[1].target.selector;
    expect(STATEMENT.slice(position.start, position.end)).toBe(quote.exact);
    expect(quote.exact).toBe('The conversation lasted about an hour.');
    // The same document IRI as the document's own JSON-LD export.
    const docLd = JSON.parse((await call(a, 'exportReport', { documentId: docs[1], format: 'json' })).content);
    expect(docLd['claimscope:document'].id).toBe(items[1].target.source);
  });

  it('writes Markdown, CSV (a row a member) and a PDF with an outline', async () => {
    const { a, caseId } = await seeded();
    const md = await call(a, 'exportCase', { caseId, format: 'md' });
    expect(md.fileName).toBe('Leaders-call-July.md');
    expect(md.content).toContain('## Contested claims');
    expect(md.content).toContain('Length of the call \\<b\\>bold\\</b\\>');
    const csv = await call(a, 'exportCase', { caseId, format: 'csv' });
    expect(csv.fileName).toBe('Leaders-call-July.csv');
    expect(csv.content.trimEnd().split('\r\n')).toHaveLength(5);
    if (!fs.existsSync(process.env.CLAIMSCOPE_CHROMIUM ?? '/usr/bin/chromium')) return; // no Chromium: the PDF is tested where there is one
    const pdf = await call(a, 'exportCase', { caseId, format: 'pdf', analyst: 'Ana' });
    expect(pdf).toMatchObject({ fileName: 'Leaders-call-July.pdf', mimeType: 'application/pdf', encoding: 'base64' });
    const bytes = Buffer.from(pdf.content, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const read = await readPdf(bytes);
    expect(read.outline).toEqual(expect.arrayContaining(['Matrix', 'Contested claims', 'Sources']));
    expect(read.info).toMatchObject({ Title: "Leaders' call: July — case report", Author: 'Ana' });
  }, 60_000);

  it('refuses ClaimReview, an unknown case and a tampered text, each in one line', async () => {
    const { a, caseId, docs } = await seeded();
    const review = await failure(a, 'exportCase', { caseId, format: 'claimreview' });
    expect(review.code).toBe('invalid_input');
    expect(review.message).toMatch(/^a case has no ClaimReview form .*export the case as json/);
    expect(review.message).not.toContain('\n');
    expect((await failure(a, 'exportCase', { caseId: 999, format: 'html' })).code).toBe('not_found');
    a.db.prepare('UPDATE documents SET text = ? WHERE id = ?').run(STATEMENT.replace('about an hour', 'two hours'), docs[1]);
    const tampered = await failure(a, 'exportCase', { caseId, format: 'html' });
    expect(tampered.code).toBe('bad_file');
    expect(tampered.message).toMatch(/no longer matches the fingerprint/);
  });
});
