import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../common/domain';
import { ClaimscopeError } from '../../../../common/errors';
import { fromJsonLd, toHtml, toJsonLd, toJsonLdText, toMarkdown, type ReportInput } from '../index';
import { kremlinFixture } from '../../../../test/export/fixture';
import { HOSTILE_TITLE, hostileFixture, INVISIBLE_TEXT } from '../../../../test/export/hostile';

const iri = {
  annotation: (id: number) => `urn:claimscope:annotation:${id}`,
  source: (id: number) => `urn:claimscope:source:${id}`,
  flag: (id: number) => `urn:claimscope:flag:${id}`,
};

/** The input as fromJsonLd should give it back: refs for ids, nothing database-specific. */
function expected(input: ReportInput) {
  const { state } = input;
  const byRef = <T extends { ref: string }>(list: T[]) => [...list].sort((a, b) => a.ref.localeCompare(b.ref));
  return {
    annotations: byRef(
      state.annotations.map((a: Annotation) => ({
        ref: iri.annotation(a.id),
        kind: a.kind,
        start: a.start,
        end: a.end,
        exact: a.exact,
        prefix: a.prefix,
        suffix: a.suffix,
        status: a.status,
        credibility: a.credibility,
        note: a.note,
        orphan: a.orphan,
        createdAt: a.createdAt,
      })),
    ),
    sources: byRef(state.sources.map((s) => ({ ref: iri.source(s.id), name: s.name, type: s.type, aliases: s.aliases, reliability: s.reliability, note: s.note }))),
    links: state.links
      .map((l) =>
        l.toSourceId !== null ? { fromRef: iri.annotation(l.fromId), toSourceRef: iri.source(l.toSourceId) } : { fromRef: iri.annotation(l.fromId), toAnnotationRef: iri.annotation(l.toAnnotationId!) },
      )
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    flags: byRef(state.flags.map((f) => ({ ref: iri.flag(f.id), explanation: f.explanation, status: f.status, note: f.note, memberRefs: f.memberIds.map(iri.annotation) }))),
  };
}

function roundTrip(input: ReportInput) {
  const back = fromJsonLd(JSON.parse(JSON.stringify(toJsonLd(input))));
  const byRef = <T extends { ref: string }>(list: T[]) => [...list].sort((a, b) => a.ref.localeCompare(b.ref));
  return {
    back,
    comparable: {
      annotations: byRef(back.annotations),
      sources: byRef(back.sources),
      links: [...back.links].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      flags: byRef(back.flags),
    },
  };
}

const errorOf = (json: unknown): string => {
  try {
    fromJsonLd(json);
  } catch (err) {
    expect(err).toBeInstanceOf(ClaimscopeError);
    expect((err as ClaimscopeError).code).toBe('bad_file');
    return (err as ClaimscopeError).message;
  }
  throw new Error('fromJsonLd accepted bad input');
};

describe('toJsonLd', () => {
  const { input } = kremlinFixture();
  const doc = toJsonLd(input) as Record<string, any>;

  it('is a W3C AnnotationCollection with anno.jsonld as its first context', () => {
    expect(doc['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.first.type).toBe('AnnotationPage');
    expect(doc.total).toBe(doc.first.items.length);
    expect(doc.first.items).toHaveLength(13 + 2);
  });

  it('targets the document with quote and position selectors, with kind, verdict, note and sources as bodies', () => {
    const sixth = input.state.annotations.find((a) => a.exact.startsWith('This marks the sixth'))!;
    const item = doc.first.items.find((i: any) => i.id === `urn:claimscope:annotation:${sixth.id}`);
    expect(item.type).toBe('Annotation');
    expect(item.target.source).toBe(`urn:claimscope:document:${input.document.sha256}`);
    expect(item.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: sixth.exact, prefix: sixth.prefix, suffix: sixth.suffix },
      { type: 'TextPositionSelector', start: sixth.start, end: sixth.end },
    ]);
    expect(item.body).toContainEqual({ type: 'TextualBody', purpose: 'tagging', value: 'claim' });
    expect(item.body).toContainEqual(expect.objectContaining({ purpose: 'assessing', 'claimscope:status': 'refuted', 'claimscope:credibility': 4 }));
    expect(item.body).toContainEqual({ type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: sixth.note });
    expect(item.body).toContainEqual(expect.objectContaining({ purpose: 'identifying', source: expect.objectContaining({ name: 'Kremlin' }) }));
  });

  it('writes each inconsistency as an annotation on its members', () => {
    const flag = input.state.flags[0]!;
    const item = doc.first.items.find((i: any) => i.id === `urn:claimscope:flag:${flag.id}`);
    expect(item.target).toEqual(flag.memberIds.map((id) => `urn:claimscope:annotation:${id}`));
    expect(item.body).toContainEqual(expect.objectContaining({ purpose: 'describing', value: flag.explanation }));
    expect(item.body).toContainEqual(expect.objectContaining({ purpose: 'assessing', 'claimscope:status': 'open' }));
  });
});

describe('fromJsonLd', () => {
  const { input } = kremlinFixture();

  it('gives back the same annotations, sources, links and flags', () => {
    const { back, comparable } = roundTrip(input);
    expect(comparable).toEqual(expected(input));
    expect(back.document).toMatchObject({
      sha256: input.document.sha256,
      title: input.document.title,
      text: input.document.text,
      blocks: input.document.blocks,
      metadata: input.document.metadata,
      format: 'txt',
    });
  });

  it('keeps the direction of claim-to-attribution and claim-to-claim links', () => {
    const { b } = kremlinFixture();
    const [first, second] = b.annotations.filter((a) => a.kind === 'claim');
    const attribution = b.annotations.find((a) => a.kind === 'attribution')!;
    b.links.push({ id: 900, fromId: second!.id, toAnnotationId: first!.id, toSourceId: null });
    b.links.push({ id: 901, fromId: first!.id, toAnnotationId: attribution.id, toSourceId: null });
    const withLinks = b.input();
    expect(roundTrip(withLinks).comparable.links).toEqual(expected(withLinks).links);
    // The reports show claim-to-claim links both ways.
    const html = toHtml(withLinks);
    expect(html).toMatch(new RegExp(`<tr id="c${first!.id}">.*related: <a href="#c${second!.id}">C2</a>`));
    expect(html).toMatch(new RegExp(`<tr id="c${second!.id}">.*related: <a href="#c${first!.id}">C1</a>`));
    expect(toMarkdown(withLinks)).toContain('**Related:** C2');
  });

  it('can do without the text; the service then re-anchors from the selectors', () => {
    const back = fromJsonLd(JSON.parse(JSON.stringify(toJsonLd(input, { includeText: false }))));
    expect(back.document.text).toBeUndefined();
    expect(back.document.sha256).toBe(input.document.sha256);
    expect(back.annotations).toHaveLength(input.state.annotations.length);
  });

  it('reads a plain W3C annotation from another tool as an unverified claim', () => {
    const back = fromJsonLd({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://example.org/anno/1',
      type: 'Annotation',
      body: { type: 'TextualBody', value: 'Looks wrong', purpose: 'commenting' },
      target: { source: 'https://example.org/page', selector: { type: 'TextQuoteSelector', exact: 'the sky is green' } },
    });
    expect(back.annotations).toEqual([
      { ref: 'https://example.org/anno/1', kind: 'claim', start: 0, end: 0, exact: 'the sky is green', prefix: '', suffix: '', status: 'unverified', credibility: null, note: 'Looks wrong', orphan: true },
    ]);
    expect(back.document.iri).toBe('https://example.org/page');
  });

  it('refuses bad input with one line saying what is wrong and what to do', () => {
    const good = JSON.parse(JSON.stringify(toJsonLd(input))) as Record<string, any>;
    const tweak = (f: (d: any) => void) => {
      const d = structuredClone(good);
      f(d);
      return d;
    };
    const messages = [
      errorOf('nope'),
      errorOf(null),
      errorOf(tweak((d) => (d['@context'] = 'https://schema.org'))),
      errorOf(tweak((d) => (d.first.items[0].target.selector[1].start = 'ten'))),
      errorOf(tweak((d) => (d.first.items[0].body[1]['claimscope:status'] = 'maybe'))),
      errorOf(tweak((d) => d.first.items.push(d.first.items[0]))),
      errorOf(tweak((d) => (d.first.items.at(-1).target = ['urn:claimscope:annotation:9999']))),
      errorOf(tweak((d) => (d.first.items[0].target.selector = []))),
      errorOf(tweak((d) => (d['claimscope:sources'][0]['claimscope:reliability'] = 'Z'))),
    ];
    for (const m of messages) {
      expect(m).not.toContain('\n');
      expect(m).toMatch(/; export the annotations again from Claimscope, or correct the file$/);
    }
    expect(messages[0]).toContain('not a JSON-LD object');
    expect(messages[2]).toContain('@context: does not include http://www.w3.org/ns/anno.jsonld');
    expect(messages[3]).toContain('first.items[0].target[0].selector[1].start: invalid input: expected number, received string');
    expect(messages[4]).toContain('"maybe" is not a claim status');
    expect(messages[5]).toContain('appears twice');
    expect(messages[6]).toContain('refers to urn:claimscope:annotation:9999, which is not in the file');
    expect(messages[7]).toContain('neither a TextQuoteSelector nor a TextPositionSelector');
    expect(messages[8]).toContain("claimscope:sources[0].claimscope:reliability");
  });
});

describe('toJsonLd on hostile input', () => {
  const { input } = hostileFixture();

  it('leaves out an address that is not http(s), and keeps one that is', () => {
    const doc = toJsonLd(input) as Record<string, any>;
    const metadata = doc['claimscope:document']['claimscope:metadata'];
    expect(metadata.url).toBeUndefined();
    expect(metadata.author).toBe(input.document.metadata.author);
    for (const url of ['data:text/html,<script>alert(1)</script>', 'vbscript:x', ' javascript:alert(1)']) {
      const other = toJsonLd({ ...input, document: { ...input.document, metadata: { url } } }) as Record<string, any>;
      expect(other['claimscope:document']['claimscope:metadata']).toEqual({});
    }
    const fine = toJsonLd({ ...input, document: { ...input.document, metadata: { url: 'https://news.example/a' } } }) as Record<string, any>;
    expect(fine['claimscope:document']['claimscope:metadata']).toEqual({ url: 'https://news.example/a' });
  });

  it('writes a text safe in a page\'s ld+json script that parses and imports back to the same annotations', () => {
    const text = toJsonLdText(input);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(text)).toEqual(toJsonLd(input));
    const back = fromJsonLd(JSON.parse(text));
    expect(back.document.text).toBe(input.document.text);
    expect(back.document.title).toBe(HOSTILE_TITLE);
  });

  it('does not import an address that is not http(s) from a file of annotations', () => {
    const file = JSON.parse(toJsonLdText(input, { includeText: true })) as Record<string, any>;
    file['claimscope:document']['claimscope:metadata'] = { author: 'A', url: 'javascript:alert(1)' };
    expect(fromJsonLd(file).document.metadata).toEqual({ author: 'A' });
    file['claimscope:document']['claimscope:metadata'] = { url: 'https://news.example/a' };
    expect(fromJsonLd(file).document.metadata).toEqual({ url: 'https://news.example/a' });
  });

  it('keeps invisible characters exactly: a data format is faithful', () => {
    const back = fromJsonLd(JSON.parse(toJsonLdText(input)));
    expect(back.annotations.map((a) => a.exact)).toContain(INVISIBLE_TEXT);
    expect(back.sources.map((s) => s.note)).toContain(INVISIBLE_TEXT);
    expect(back.document.text).toContain('\u202E');
  });
});
