// Plain text: decoding (the analyst's choice, byte order marks, UTF-16, UTF-8, a declared charset,
// legacy encodings detected with jschardet, Windows-1252 last) and paragraph blocks.
// For .txt the decoded content is the document text exactly: annotation offsets, the CLI and
// exports all slice it, so nothing is trimmed or normalised.
import type Jschardet from 'jschardet';
import { lazy } from '../lazy';
import type { Block } from '../../../common/domain';
import { adviceFor, badFile, describeKind, looksBinary, sniffKind } from './sniff';
import { guessTitle } from './title';
import type { ImportedDocument } from './types';

const jschardet = lazy<typeof Jschardet>('jschardet');

export interface Decoded {
  text: string;
  /** The WHATWG name of the encoding used: utf-8, utf-16le, utf-16be, windows-1252, ... */
  encoding: string;
  /** Set when the encoding was guessed from the bytes' statistics: the detector's confidence, 0-1. */
  confidence?: number;
}

/** The encoding named by a byte order mark, and the mark's length. */
export function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16 without a byte order mark: mostly-ASCII text has a NUL in every other byte. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros / pairs > 0.3 && evenZeros / pairs < 0.02) return 'utf-16le';
  if (evenZeros / pairs > 0.3 && oddZeros / pairs < 0.02) return 'utf-16be';
  return null;
}

/** Windows-1252 at 0x80-0x9F (where it differs from Latin-1); the 5 unassigned bytes map to C1 controls, as in WHATWG. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/**
 * Windows-1252, decoded here: Node 20's TextDecoder('windows-1252') treats it as Latin-1 and turns
 * 0x80-0x9F ("–", "“", "€"...) into control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = new Uint16Array(8192);
  for (let i = 0; i < bytes.length; i += chunk.length) {
    const n = Math.min(chunk.length, bytes.length - i);
    for (let k = 0; k < n; k++) {
      const b = bytes[i + k]!;
      chunk[k] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b;
    }
    parts.push(String.fromCharCode.apply(null, n === chunk.length ? (chunk as unknown as number[]) : (chunk.subarray(0, n) as unknown as number[])));
  }
  return parts.join('');
}

function decodeWith(encoding: string, bytes: Uint8Array, fatal = false): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  // ignoreBOM: true keeps a mark that was not stripped; callers strip the one they detected.
  return new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);
}

/** Control characters other than tab, line breaks, form feed and escape, as a share of the text. */
function controlRatio(text: string): number {
  const n = Math.min(text.length, 64 * 1024);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13 && c !== 0x1b) || c === 0xfffd) controls++;
  }
  return n === 0 ? 0 : controls / n;
}

/** jschardet's names that are not WHATWG labels, mapped to the encoding that decodes them (a superset). */
const DETECTOR_NAMES: Record<string, string> = {
  cp932: 'shift_jis',
  cp949: 'euc-kr',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  maccyrillic: 'x-mac-cyrillic',
  'tis-620': 'windows-874',
  cp874: 'windows-874',
  ascii: 'windows-1252',
  'iso-8859-1': 'windows-1252',
};

/** Below this, the detector's best guess is noise (short Western text scores about 0.02 for every Latin encoding). */
const MIN_DETECTOR_CONFIDENCE = 0.2;
/** The detector reads at most this much of a file. */
const DETECTOR_SAMPLE = 256 * 1024;

export interface DecodeHints {
  /** The charset the file declares (an HTML <meta charset>), checked against the bytes. */
  declared?: string;
  /** The encoding the analyst chose: used as is (a BOM of that encoding is dropped). */
  chosen?: string;
}

/** Valid UTF-8 with at least one multi-byte sequence (pure ASCII is valid in every encoding we read). */
function utf8Text(bytes: Uint8Array): { text: string; ascii: boolean } | null {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  try {
    return { text: decodeWith('utf-8', bytes, true), ascii };
  } catch {
    return null;
  }
}

/** Decodes with `encoding` if every byte sequence is valid in it, else null. */
function decodeStrict(encoding: string, bytes: Uint8Array): string | null {
  try {
    return decodeWith(encoding, bytes, encoding !== 'windows-1252');
  } catch {
    return null;
  }
}

/** The detector's candidates, best first, as WHATWG encodings this runtime decodes. */
function detectorCandidates(bytes: Uint8Array): { encoding: string; confidence: number }[] {
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, DETECTOR_SAMPLE)).toString('latin1');
  let found: { encoding: string | null; confidence: number }[];
  try {
    found = jschardet().detectAll(sample);
  } catch {
    return [];
  }
  const out: { encoding: string; confidence: number }[] = [];
  for (const f of found) {
    if (!f.encoding) continue;
    const name = f.encoding.toLowerCase();
    const label = normaliseLabel(DETECTOR_NAMES[name] ?? name);
    if (label && label !== 'utf-8' && label !== 'replacement' && !out.some((o) => o.encoding === label)) out.push({ encoding: label, confidence: f.confidence });
  }
  return out;
}

/**
 * Decodes a text file. In order: the analyst's choice; a byte order mark (UTF-8, UTF-16 LE/BE; only
 * the mark is removed); UTF-16 recognised by its NUL pattern; valid UTF-8 (whatever the file
 * declares: a UTF-8 page that says gb2312 is UTF-8); the declared charset, if the bytes are valid
 * in it; the statistical detector (jschardet: Shift-JIS, EUC-JP, GB18030, Big5, EUC-KR,
 * windows-1251, KOI8-R, ISO-8859-2...), its first candidate the bytes are valid in; and last
 * Windows-1252. `confidence` is set when the encoding was guessed (detector or last resort), so the
 * analyst can be told which was assumed. Images, archives and binary data are refused.
 */
export function decodeText(name: string, bytes: Uint8Array, hints: DecodeHints = {}): Decoded {
  const bom = bomEncoding(bytes);
  if (hints.chosen) {
    const label = normaliseLabel(hints.chosen, false) ?? 'utf-8';
    const skip = bom && bom.encoding === label ? bom.length : 0;
    return { text: decodeWith(label, bytes.subarray(skip)), encoding: label };
  }
  if (bom) {
    const text = decodeWith(bom.encoding, bytes.subarray(bom.length));
    if (bom.encoding !== 'utf-8' && controlRatio(text) > 0.05) throw notText(name);
    return { text, encoding: bom.encoding };
  }
  const kind = sniffKind(bytes);
  if (kind) throw badFile(name, `is ${describeKind(kind)}, not text`, adviceFor(kind));
  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    const text = decodeWith(utf16, bytes);
    if (controlRatio(text) > 0.05) throw notText(name);
    return { text, encoding: utf16 };
  }
  if (looksBinary(bytes)) throw notText(name);
  const utf8 = utf8Text(bytes);
  if (utf8 && !utf8.ascii) return { text: utf8.text, encoding: 'utf-8' };
  const declared = hints.declared ? normaliseLabel(hints.declared) : null;
  if (utf8) return { text: utf8.text, encoding: declared && declared !== 'utf-8' ? declared : 'utf-8' };
  if (declared && declared !== 'utf-8') {
    const text = decodeStrict(declared, bytes);
    if (text !== null) return { text, encoding: declared };
  }
  const candidates = detectorCandidates(bytes);
  if (candidates.length && candidates[0]!.confidence >= MIN_DETECTOR_CONFIDENCE) {
    for (const c of candidates) {
      if (c.confidence < MIN_DETECTOR_CONFIDENCE) break;
      const text = decodeStrict(c.encoding, bytes);
      if (text !== null) return { text, encoding: c.encoding, confidence: c.confidence };
    }
  }
  // Most legacy text without a better guess is Western European.
  const western = candidates.find((c) => c.encoding === 'windows-1252');
  return { text: decodeWith('windows-1252', bytes), encoding: 'windows-1252', confidence: western ? Math.min(western.confidence, 0.5) : 0.1 };
}

/** The metadata that records how a file was decoded: the encoding unless UTF-8, its confidence when guessed. */
export function encodingMetadata(decoded: Decoded): Record<string, string> {
  const out: Record<string, string> = {};
  if (decoded.encoding !== 'utf-8' || decoded.confidence !== undefined) out.encoding = decoded.encoding;
  if (decoded.confidence !== undefined) out.encodingConfidence = decoded.confidence.toFixed(2);
  return out;
}

/**
 * The WHATWG encoding for a charset label, or null if unknown. A declared UTF-16 means UTF-8 (as
 * in HTML: a page that could read its own declaration is not UTF-16); a chosen one is kept.
 */
export function normaliseLabel(label: string, declared = true): string | null {
  try {
    const encoding = new TextDecoder(label.trim()).encoding;
    if (encoding === 'replacement') return null;
    return declared && encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  } catch {
    return null;
  }
}

function notText(name: string) {
  return badFile(name, 'is binary data, not text', 'open the original document, or export it as .txt, .docx or .pdf');
}

export function emptyFile(name: string) {
  return badFile(name, 'the file is empty', 'choose a file with text in it');
}

/**
 * Paragraph blocks: runs of non-blank lines separated by blank lines (only spaces, tabs or line
 * breaks); single line breaks stay inside a paragraph. Line breaks may be \n, \r\n or \r. Linear time.
 */
export function paragraphBlocks(text: string, from = 0, to = text.length): Block[] {
  const blocks: Block[] = [];
  let paraStart = -1;
  let paraEnd = -1;
  let i = from;
  while (i < to) {
    // One line: [i, lineEnd), then its break.
    let lineEnd = i;
    while (lineEnd < to) {
      const c = text.charCodeAt(lineEnd);
      if (c === 10 || c === 13) break;
      lineEnd++;
    }
    let first = i;
    while (first < lineEnd && isBlankChar(text.charCodeAt(first))) first++;
    if (first === lineEnd) {
      if (paraStart >= 0) blocks.push({ type: 'paragraph', start: paraStart, end: paraEnd });
      paraStart = -1;
    } else {
      let last = lineEnd;
      while (last > first && isSpaceChar(text.charCodeAt(last - 1))) last--;
      if (paraStart < 0) paraStart = first;
      paraEnd = last;
    }
    i = lineEnd;
    if (i < to && text.charCodeAt(i) === 13) {
      i++;
      if (i < to && text.charCodeAt(i) === 10) i++;
    } else if (i < to) {
      i++;
    }
  }
  if (paraStart >= 0) blocks.push({ type: 'paragraph', start: paraStart, end: paraEnd });
  return blocks;
}

/** Characters that leave a line blank. */
function isBlankChar(c: number): boolean {
  return c === 32 || c === 9 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0xfeff || c === 0x3000 || (c >= 0x2000 && c <= 0x200b);
}

function isSpaceChar(c: number): boolean {
  return isBlankChar(c) || c === 10 || c === 13;
}

export function importPlainText(name: string, bytes: Uint8Array, options: { encoding?: string } = {}): ImportedDocument {
  const decoded = decodeText(name, bytes, options.encoding !== undefined ? { chosen: options.encoding } : {});
  const { text } = decoded;
  if (text.trim() === '') throw emptyFile(name);
  const blocks = paragraphBlocks(text);
  const metadata: ImportedDocument['metadata'] = { ...encodingMetadata(decoded) };
  return { title: guessTitle(text, blocks, name), format: 'txt', text, blocks, metadata };
}
