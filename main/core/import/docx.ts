// Word (.docx): mammoth turns the document into HTML (headings, paragraphs, lists, emphasis,
// footnotes), which goes through the same HTML path as web pages. Metadata comes from
// docProps/core.xml, read with jszip. Images are never converted, external files never read.
import zlib from 'node:zlib';
import type JSZip from 'jszip';
import type Mammoth from 'mammoth';
import { lazy } from '../lazy';
import type { Metadata } from '../../../common/domain';
import { htmlToDocument, isoDate } from './html';
import { adviceFor, badFile, describeKind, sniffKind } from './sniff';
import type { ImportedDocument } from './types';

const jszip = lazy<typeof JSZip>('jszip');
const loadMammoth = lazy<typeof Mammoth>('mammoth');

/** Word style names that mammoth does not map by default. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
];

/** Refuse archives that expand beyond this (a "zip bomb"), counted as the bytes are inflated. */
export const MAX_EXPANDED_BYTES = 512 * 1024 * 1024;
/**
 * The XML that mammoth parses (everything but media) is capped lower: it needs about 20 times its
 * size in memory and 0.5 s a MB, so 48 MB is about 25 s and 1 GB, inside the import's limits.
 */
export const MAX_XML_BYTES = 48 * 1024 * 1024;

function xmlText(s: string): string {
  return s
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
      const k = e.toLowerCase();
      if (k === 'amp') return '&';
      if (k === 'lt') return '<';
      if (k === 'gt') return '>';
      if (k === 'quot') return '"';
      if (k === 'apos') return "'";
      const code = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text of the first `<prefix:local>` element in a core.xml, whatever its namespace prefix. */
function coreField(xml: string, local: string): string | undefined {
  const m = new RegExp(`<(?:[\\w.-]+:)?${local}\\b[^>]*?(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${local}>)`).exec(xml);
  const v = m?.[1] !== undefined ? xmlText(m[1]) : '';
  return v || undefined;
}

export function coreMetadata(xml: string): { title?: string; metadata: Metadata } {
  const metadata: Metadata = {};
  const author = coreField(xml, 'creator');
  if (author) metadata.author = author;
  const created = isoDate(coreField(xml, 'created'));
  if (created) {
    metadata.published = created;
    metadata.created = created;
  }
  const modified = isoDate(coreField(xml, 'modified'));
  if (modified) metadata.modified = modified;
  const lastModifiedBy = coreField(xml, 'lastModifiedBy');
  if (lastModifiedBy) metadata.lastModifiedBy = lastModifiedBy;
  const description = coreField(xml, 'description') ?? coreField(xml, 'subject');
  if (description) metadata.description = description;
  const title = coreField(xml, 'title');
  return title ? { title, metadata } : { metadata };
}

/** What an Office Open XML or OpenDocument zip is, when it is not a Word document. */
function otherOfficeKind(zip: JSZip, mimetype: string | undefined): string | null {
  if (zip.file('xl/workbook.xml')) return 'an Excel workbook';
  if (zip.file('ppt/presentation.xml')) return 'a PowerPoint presentation';
  if (mimetype?.startsWith('application/vnd.oasis.opendocument.text')) return 'an OpenDocument text (.odt)';
  if (mimetype?.startsWith('application/vnd.oasis.opendocument')) return 'an OpenDocument file';
  if (mimetype === 'application/epub+zip') return 'an EPUB book';
  return null;
}

/** jszip 3's parsed entry (a private field): the compressed bytes, their method, the size the headers declare. */
interface Entry {
  compressedContent?: Uint8Array;
  compression?: { magic?: string };
  uncompressedSize?: number;
}

const STORE = '\x00\x00';
const DEFLATE = '\x08\x00';

/**
 * Inflates raw deflate data chunk by chunk, counting the bytes that come out and keeping none of
 * them; stops as soon as the count passes `limit`. Returns the count (limit + something when it stopped).
 */
export function inflatedSize(data: Uint8Array, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
    let n = 0;
    let done = false;
    inflate.on('data', (chunk: Buffer) => {
      n += chunk.length;
      if (n > limit && !done) {
        done = true;
        inflate.destroy();
        resolve(n);
      }
    });
    inflate.on('end', () => {
      if (!done) resolve(n);
      done = true;
    });
    inflate.on('error', (err) => {
      if (!done) reject(err);
      done = true;
    });
    inflate.end(data);
  });
}

export type ZipCheck = { ok: true } | { ok: false; what: string; todo: string };

/**
 * What each part really expands to, counted while inflating (headers can lie, and a zip bomb's do):
 * the total past MAX_EXPANDED_BYTES, the XML past MAX_XML_BYTES, or a part whose size differs from
 * what its header declares is refused before mammoth reads anything.
 */
export async function checkExpandedSizes(zip: JSZip, limits: { total?: number; xml?: number } = {}): Promise<ZipCheck> {
  const maxTotal = limits.total ?? MAX_EXPANDED_BYTES;
  const maxXml = limits.xml ?? MAX_XML_BYTES;
  const files: { path: string; entry: Entry }[] = [];
  zip.forEach((p, file) => {
    if (!file.dir) files.push({ path: p, entry: (file as unknown as { _data?: Entry })._data ?? {} });
  });
  const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
  let total = 0;
  let xml = 0;
  for (const { path: p, entry } of files) {
    const data = entry.compressedContent;
    const magic = entry.compression?.magic;
    if (!(data instanceof Uint8Array) || (magic !== STORE && magic !== DEFLATE)) {
      return { ok: false, what: `is damaged or uses an unsupported ZIP compression (part ${p})`, todo: 'open it in Word and save it again as .docx' };
    }
    const isXml = !/^word\/media\//i.test(p) && !/\.(?:png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|bin|ole|mp4|wav|ttf|odttf|otf|woff2?)$/i.test(p);
    const budget = Math.min(maxTotal - total, isXml ? maxXml - xml : Infinity);
    let size: number;
    if (magic === STORE) size = data.length;
    else {
      try {
        size = await inflatedSize(data, budget);
      } catch {
        return { ok: false, what: `is damaged (part ${p} cannot be unpacked)`, todo: 'download or save the document again' };
      }
    }
    if (size > budget) {
      if (isXml && xml + size > maxXml) {
        return { ok: false, what: `its text and layout expand to more than ${mb(maxXml)} when unpacked (far beyond any real document, or a "zip bomb")`, todo: 'split the document into smaller files, or save it as PDF and open that' };
      }
      return { ok: false, what: `expands to more than ${mb(maxTotal)} when unpacked (a "zip bomb", or very large embedded files)`, todo: 'split the document or remove large embedded files, then save it again as .docx' };
    }
    if (entry.uncompressedSize !== undefined && entry.uncompressedSize !== size) {
      return { ok: false, what: `its ZIP headers give wrong sizes (part ${p} declares ${entry.uncompressedSize} bytes and holds ${size}): it is damaged or built to exhaust memory`, todo: 'open it in Word and save it again as .docx' };
    }
    total += size;
    if (isXml) xml += size;
  }
  return { ok: true };
}

/**
 * The tags (opening, closing or empty) of a WordprocessingML element by local name, whatever its
 * namespace prefix, in order: [start, end) of each. Linear: a tag's end is the next ">", and a tag
 * that never ends stops the scan.
 */
function* tags(xml: string, local: string): Generator<{ start: number; end: number; tag: string }> {
  const re = new RegExp(`<\\/?(?:[\\w.-]{1,40}:)?${local}(?![\\w.-])`, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const close = xml.indexOf('>', m.index + m[0].length);
    if (close < 0) return;
    yield { start: m.index, end: close + 1, tag: xml.slice(m.index, close + 1) };
    re.lastIndex = close + 1;
  }
}

/** Removes the tags of `local` elements, keeping what they hold (`w:fldSimple`, `w:ruby`). */
function unwrap(xml: string, local: string): string {
  const out: string[] = [];
  let pos = 0;
  for (const t of tags(xml, local)) {
    out.push(xml.slice(pos, t.start));
    pos = t.end;
  }
  out.push(xml.slice(pos));
  return out.join('');
}

/**
 * Removes every `local` element with its content (`w:rt`, `w:rubyPr`). Linear: each element's end
 * is found by one forward search from its start, and an element that is never closed stops the
 * pass (the XML is damaged; mammoth will say so).
 */
function dropElements(xml: string, local: string): string {
  const out: string[] = [];
  let pos = 0;
  for (const t of tags(xml, local)) {
    if (t.start < pos || t.tag.startsWith('</')) continue;
    out.push(xml.slice(pos, t.start));
    if (t.tag.endsWith('/>')) {
      pos = t.end;
      continue;
    }
    const prefix = /^<([\w.-]*:)?/.exec(t.tag)![1] ?? '';
    const close = `</${prefix}${local}>`;
    const end = xml.indexOf(close, t.end);
    if (end < 0) {
      pos = t.start;
      break;
    }
    pos = end + close.length;
  }
  out.push(xml.slice(pos));
  return out.join('');
}

/** The text of an equation's inner XML, linearly: its m:t texts, with / between numerator and denominator, ^ and _ before superscripts and subscripts, √ before a root. */
function mathText(inner: string): string {
  let out = '';
  const re = /<(?:[\w.-]{1,40}:)?t(?:\s[^>]{0,4096})?>([^<]*)<|<\/(?:[\w.-]{1,40}:)?num>|<(?:[\w.-]{1,40}:)?(sup|sub|rad)(?![\w.-])/g;
  for (let m = re.exec(inner); m; m = re.exec(inner)) {
    if (m[1] !== undefined) out += m[1];
    else if (m[2] === 'sup') out += '^';
    else if (m[2] === 'sub') out += '_';
    else if (m[2] === 'rad') out += '√';
    else out += '/';
  }
  return out;
}

/** Each Office Math equation (`m:oMath`) becomes one run of its text, and display equations (`m:oMathPara`) lose their wrapper. */
function mathAsRuns(xml: string): string {
  // The run is written with the prefix the part binds to WordprocessingML (w almost always).
  const w = /xmlns:([\w.-]{1,40})="http:\/\/schemas\.openxmlformats\.org\/wordprocessingml\/2006\/main"/.exec(xml)?.[1] ?? 'w';
  const out: string[] = [];
  let pos = 0;
  for (const t of tags(xml, 'oMath')) {
    if (t.start < pos || t.tag.startsWith('</') || t.tag.endsWith('/>')) continue;
    const prefix = /^<([\w.-]*:)?/.exec(t.tag)![1] ?? '';
    const close = `</${prefix}oMath>`;
    const end = xml.indexOf(close, t.end);
    if (end < 0) break;
    out.push(xml.slice(pos, t.start), `<${w}:r><${w}:t xml:space="preserve">${mathText(xml.slice(t.end, end))}</${w}:t></${w}:r>`);
    pos = end + close.length;
  }
  out.push(xml.slice(pos));
  return unwrap(out.join(''), 'oMathPara');
}

/**
 * What mammoth does not read, rewritten into what it does, so the text a reader sees in Word is
 * kept: simple fields (`w:fldSimple`: mail-merge fields, FILENAME, dates) lose their wrapper and
 * keep their result runs; furigana (`w:ruby`) keep their base text and drop the phonetic guide
 * (`w:rt`); equations (Office Math) keep their text, as one run ("E=mc^2", "a/b"). Complex fields (`w:fldChar` with `w:instrText`) mammoth reads already: the instruction
 * is dropped and the result runs kept. Linear: a few passes over the XML.
 */
export function normaliseWordXml(xml: string): string {
  let out = xml;
  if (out.includes('fldSimple')) out = unwrap(out, 'fldSimple');
  if (out.includes('ruby')) out = unwrap(unwrap(dropElements(dropElements(out, 'rt'), 'rubyPr'), 'ruby'), 'rubyBase');
  if (out.includes('oMath')) out = mathAsRuns(out);
  return out;
}

/** The parts mammoth reads text from: the main document, notes, comments. */
const TEXT_PARTS = /^word\/[^/]+\.xml$/i;

/** mammoth's view of a docx (its `file` input): our already-opened zip, with the text parts rewritten. */
async function mammothFile(zip: JSZip): Promise<object> {
  const rewritten = new Map<string, string>();
  const parts: string[] = [];
  zip.forEach((p, f) => {
    if (!f.dir && TEXT_PARTS.test(p)) parts.push(p);
  });
  for (const p of parts) {
    const xml = await zip.file(p)!.async('string');
    const fixed = normaliseWordXml(xml);
    if (fixed !== xml) rewritten.set(p, fixed);
  }
  const encoder = new TextEncoder();
  return {
    exists: (p: string) => zip.file(p) !== null,
    read: async (p: string, encoding?: string) => {
      const fixed = rewritten.get(p);
      const bytes = fixed !== undefined ? encoder.encode(fixed) : await zip.file(p)!.async('uint8array');
      if (encoding === 'base64') return Buffer.from(bytes).toString('base64');
      if (encoding) return new TextDecoder(encoding).decode(bytes);
      return bytes;
    },
    write: () => undefined,
    toArrayBuffer: () => zip.generateAsync({ type: 'arraybuffer' }),
  };
}

export async function importDocx(name: string, bytes: Uint8Array): Promise<ImportedDocument> {
  const kind = sniffKind(bytes);
  if (kind === 'ole') {
    throw badFile(name, 'is an old Word 97-2003 document or a password-protected Office file, not a .docx', 'open it in Word and save it as .docx without a password');
  }
  if (kind !== 'zip') {
    if (kind) throw badFile(name, `is ${describeKind(kind)}, not a Word document`, adviceFor(kind));
    throw badFile(name, 'is not a Word document (a .docx is a ZIP archive)', 'open it in Word and save it as .docx');
  }
  let zip: JSZip;
  try {
    zip = await jszip().loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw badFile(name, 'is damaged or incomplete (its ZIP structure cannot be read)', 'download or save the document again');
  }
  if (!zip.file('word/document.xml')) {
    let mimetype: string | undefined;
    try {
      mimetype = (await zip.file('mimetype')?.async('string'))?.trim();
    } catch {
      mimetype = undefined;
    }
    const other = otherOfficeKind(zip, mimetype);
    if (other) throw badFile(name, `is ${other}, not a Word document`, 'open it in its own program and save or export it as .docx or .pdf');
    throw badFile(name, 'is a ZIP archive but not a Word document (no word/document.xml inside)', 'unpack it and open a document inside, or save the original as .docx');
  }
  const sizes = await checkExpandedSizes(zip);
  if (!sizes.ok) throw badFile(name, sizes.what, sizes.todo);
  let core: { title?: string; metadata: Metadata } = { metadata: {} };
  let html: string;
  try {
    const coreXml = await zip.file('docProps/core.xml')?.async('string');
    if (coreXml) core = coreMetadata(coreXml);
    // mammoth reads `{ file }` (an opened zip) as well as a buffer; its types list only the latter.
    const input = { file: await mammothFile(zip) } as unknown as { buffer: Buffer };
    const mammoth = loadMammoth();
    const result = await mammoth.convertToHtml(
      input,
      {
        styleMap: STYLE_MAP,
        // Images are dropped: the editor shows text, and converting them costs time and memory.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        externalFileAccess: false,
      },
    );
    html = result.value;
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0]!.slice(0, 120) : 'unknown error';
    throw badFile(name, `is damaged and cannot be read as a Word document (${why})`, 'open it in Word, save it again as .docx and retry');
  }
  const doc = htmlToDocument(name, html, { page: false, format: 'docx' });
  const metadata: Metadata = { ...core.metadata };
  const title = core.title ?? doc.title;
  return { ...doc, title, metadata };
}
