import { VERDICT_LABELS } from '../../../common/labels';
import { buildModel } from './model';
import type { ReportInput } from './types';

// The PDF's own description of itself: title, author (the analyst), subject, keywords, and who
// made it. Chromium writes its user agent ("HeadlessChrome/...") as the creator and "Skia/PDF" as
// the producer, and no author or subject. These are set by an incremental update: a new document
// information dictionary appended after the file Chromium wrote, with a cross-reference section
// pointing at it, so nothing Chromium wrote (the page content, the structure tree of a tagged
// PDF, the outline) is touched. The old dictionary's strings are blanked in place (same length,
// so no offset moves): the file no longer names the browser that printed it. The catalog gets
// /ViewerPreferences /DisplayDocTitle, so viewers show the title, not the file name.

export interface PdfInfo {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator: string;
  producer: string;
  /** When the report was made; written as the creation and modification dates. */
  created?: Date;
}

/** The report's PDF metadata: its title, the analyst as author, a subject naming the article and verdict. */
export function reportPdfInfo(input: ReportInput): PdfInfo {
  const m = buildModel(input);
  const title = m.document.title.trim() ? m.document.title.trim() : 'Untitled document';
  const verdict = m.assessment?.verdict ?? 'unassessed';
  const where = [m.outlet, m.document.metadata.author].filter((x): x is string => !!x && x.trim() !== '').join(', ');
  const created = new Date(m.generatedAt);
  return {
    title: `${title} — annotated report`,
    ...(m.analyst ? { author: m.analyst } : {}),
    subject: `Claims, attributions, sources and inconsistencies in “${title}”${where ? ` (${where})` : ''}. Verdict: ${VERDICT_LABELS[verdict]}.`,
    keywords: 'annotated report, claims, attributions, sources, inconsistencies, fact-check',
    creator: 'Claimscope',
    producer: 'Claimscope',
    ...(Number.isNaN(created.getTime()) ? {} : { created }),
  };
}

/** A PDF text string: UTF-16BE with its byte order mark, in hex (any character, nothing to escape). */
export function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/** D:YYYYMMDDHHmmSS+00'00' (UTC). */
function pdfDate(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `(D:${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}+00'00')`;
}

function infoDictionary(info: PdfInfo): string {
  const entries: string[] = [`/Title ${pdfTextString(info.title)}`];
  if (info.author) entries.push(`/Author ${pdfTextString(info.author)}`);
  if (info.subject) entries.push(`/Subject ${pdfTextString(info.subject)}`);
  if (info.keywords) entries.push(`/Keywords ${pdfTextString(info.keywords)}`);
  entries.push(`/Creator ${pdfTextString(info.creator)}`, `/Producer ${pdfTextString(info.producer)}`);
  if (info.created) entries.push(`/CreationDate ${pdfDate(info.created)}`, `/ModDate ${pdfDate(info.created)}`);
  return `<<${entries.join('\n')}>>`;
}

interface Trailer {
  size: number;
  root: string;
  info: { num: number; gen: number } | null;
  id: string | null;
  /** The previous cross-reference section is a stream (PDF 1.5), not a table. */
  stream: boolean;
}

const REF = (key: string) => new RegExp(`/${key}\\s+(\\d+)\\s+(\\d+)\\s+R`);

function readTrailer(s: string, xrefAt: number): Trailer | null {
  let dict: string;
  let stream: boolean;
  if (s.startsWith('xref', xrefAt)) {
    const at = s.indexOf('trailer', xrefAt);
    const end = s.indexOf('startxref', at);
    if (at < 0 || end < 0) return null;
    dict = s.slice(at, end);
    stream = false;
  } else {
    const end = s.indexOf('stream', xrefAt);
    if (end < 0 || !/^\d+\s+\d+\s+obj/.test(s.slice(xrefAt, xrefAt + 40))) return null;
    dict = s.slice(xrefAt, end);
    stream = true;
  }
  const size = /\/Size\s+(\d+)/.exec(dict);
  const root = REF('Root').exec(dict);
  if (!size || !root) return null;
  const info = REF('Info').exec(dict);
  const id = /\/ID\s*(\[[^\]]*\])/.exec(dict);
  return {
    size: Number(size[1]),
    root: `${root[1]} ${root[2]} R`,
    info: info ? { num: Number(info[1]), gen: Number(info[2]) } : null,
    id: id ? id[1]! : null,
    stream,
  };
}

/** Where object `num gen` starts in the file (its last uncompressed definition), or -1. */
function objectAt(s: string, num: number, gen: number): number {
  const re = new RegExp(`(?:^|[\\r\\n\\s>])${num}\\s+${gen}\\s+obj\\b`, 'g');
  let last = -1;
  for (let m = re.exec(s); m; m = re.exec(s)) last = m.index + m[0].indexOf(String(num));
  return last;
}

/** The dictionary text of the object at `at` (between "obj" and "endobj"), or null when it is not one. */
function objectDictionary(s: string, at: number): { start: number; end: number } | null {
  const open = s.indexOf('<<', at);
  const endobj = s.indexOf('endobj', at);
  if (open < 0 || endobj < 0 || open > endobj) return null;
  const close = s.lastIndexOf('>>', endobj);
  if (close < open) return null;
  return { start: open, end: close + 2 };
}

/** Overwrites every string in s[start, end) with spaces (same length): literal (…) and hex <…>. */
function blankStrings(chars: string[], start: number, end: number): void {
  let i = start;
  while (i < end) {
    const c = chars[i];
    if (c === '(') {
      let depth = 0;
      let j = i;
      for (; j < end; j++) {
        const d = chars[j];
        if (d === '\\') {
          chars[j] = ' ';
          if (j + 1 < end) chars[j + 1] = ' ';
          j++;
          continue;
        }
        if (d === '(') depth++;
        else if (d === ')' && --depth === 0) break;
        if (j > i) chars[j] = ' ';
      }
      i = j + 1;
    } else if (c === '<' && chars[i + 1] !== '<') {
      let j = i + 1;
      for (; j < end && chars[j] !== '>'; j++) chars[j] = ' ';
      i = j + 1;
    } else if (c === '<' || c === '>') {
      i += 2;
    } else {
      i++;
    }
  }
}

/**
 * The PDF with `info` as its document information, by an incremental update. A file this cannot
 * read (no trailer it understands) comes back unchanged: the report is never refused for it.
 */
export function withPdfInfo(pdf: Uint8Array, info: PdfInfo): Buffer {
  const original = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const s = original.toString('latin1');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(s);
  if (!startxref) return Buffer.from(original);
  const prev = Number(startxref[1]);
  const trailer = readTrailer(s, prev);
  if (!trailer) return Buffer.from(original);

  const chars = s.split('');
  // The old information dictionary: its strings blanked where it is written out in the open.
  if (trailer.info) {
    const at = objectAt(s, trailer.info.num, trailer.info.gen);
    const dict = at < 0 ? null : objectDictionary(s, at);
    if (dict) blankStrings(chars, dict.start + 2, dict.end - 2);
  }
  // The catalog again, asking viewers to show the title.
  const [rootNum, rootGen] = trailer.root.split(/\s+/).map(Number) as [number, number];
  const rootAt = objectAt(s, rootNum, rootGen);
  const rootDict = rootAt < 0 ? null : objectDictionary(s, rootAt);
  let catalog: string | null = null;
  if (rootDict) {
    const body = s.slice(rootDict.start + 2, rootDict.end - 2);
    if (/\/Type\s*\/Catalog\b/.test(body) && !/\/ViewerPreferences\b/.test(body)) catalog = `<<${body}\n/ViewerPreferences <</DisplayDocTitle true>>>>`;
  }

  const base = chars.join('');
  let out = base.endsWith('\n') ? base : `${base}\n`;
  const offsets: Array<{ num: number; gen: number; at: number }> = [];
  const infoRef = trailer.info ?? { num: trailer.size, gen: 0 };
  let size = trailer.info ? trailer.size : trailer.size + 1;
  offsets.push({ ...infoRef, at: Buffer.byteLength(out, 'latin1') });
  out += `${infoRef.num} ${infoRef.gen} obj\n${infoDictionary(info)}\nendobj\n`;
  if (catalog !== null) {
    offsets.push({ num: rootNum, gen: rootGen, at: Buffer.byteLength(out, 'latin1') });
    out += `${rootNum} ${rootGen} obj\n${catalog}\nendobj\n`;
  }
  const xrefAt = Buffer.byteLength(out, 'latin1');
  const tail = `/Root ${trailer.root} /Info ${infoRef.num} ${infoRef.gen} R /Prev ${prev}${trailer.id ? ` /ID ${trailer.id}` : ''}`;
  if (!trailer.stream) {
    offsets.sort((a, b) => a.num - b.num);
    out += 'xref\n';
    for (const o of offsets) out += `${o.num} 1\n${String(o.at).padStart(10, '0')} ${String(o.gen).padStart(5, '0')} n \n`;
    out += `trailer\n<</Size ${size} ${tail}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  } else {
    // A cross-reference stream for a file that has one: rows of type 1, offset (4 bytes), generation (2).
    const self = { num: size, gen: 0, at: xrefAt };
    size += 1;
    const rows = [...offsets, self].sort((a, b) => a.num - b.num);
    const data = Buffer.alloc(rows.length * 7);
    rows.forEach((r, i) => {
      data.writeUInt8(1, i * 7);
      data.writeUInt32BE(r.at, i * 7 + 1);
      data.writeUInt16BE(r.gen, i * 7 + 5);
    });
    const index = rows.map((r) => `${r.num} 1`).join(' ');
    out += `${self.num} 0 obj\n<</Type /XRef /Size ${size} /W [1 4 2] /Index [${index}] ${tail} /Length ${data.length}>>\nstream\n${data.toString('latin1')}\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`;
  }
  return Buffer.from(out, 'latin1');
}
