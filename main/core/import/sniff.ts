// What a file really is, from its first bytes, and one-line errors that name the file.
import { ClaimscopeError } from '../../../common/errors';

/** `<file>: <what is wrong>; <what to do>` on one line. */
export function badFile(name: string, what: string, todo: string): ClaimscopeError {
  const oneLine = (s: string) => s.replace(/[\r\n\t\u2028\u2029]+/g, ' ');
  return new ClaimscopeError('bad_file', `${oneLine(name)}: ${oneLine(what)}; ${oneLine(todo)}`);
}

export type Kind = 'png' | 'jpeg' | 'gif' | 'webp' | 'tiff' | 'bmp' | 'ico' | 'pdf' | 'zip' | 'ole' | 'gzip' | 'sevenzip' | 'rar' | 'elf' | 'exe' | 'mp4' | 'mp3' | 'wasm';

const DESCRIPTIONS: Record<Kind, string> = {
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  gif: 'a GIF image',
  webp: 'a WebP image',
  tiff: 'a TIFF image',
  bmp: 'a BMP image',
  ico: 'an icon image',
  pdf: 'a PDF document',
  zip: 'a ZIP archive',
  ole: 'an Office 97-2003 or password-protected Office file',
  gzip: 'a gzip archive',
  sevenzip: 'a 7-Zip archive',
  rar: 'a RAR archive',
  elf: 'a program (ELF executable)',
  exe: 'a Windows program',
  mp4: 'a video or audio file',
  mp3: 'an audio file',
  wasm: 'a WebAssembly module',
};

export function describeKind(kind: Kind): string {
  return DESCRIPTIONS[kind];
}

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

function ascii(s: string): number[] {
  return Array.from(s, (c) => c.charCodeAt(0));
}

/** The binary format the bytes start with (magic numbers), or null for anything else, text included. */
export function sniffKind(bytes: Uint8Array): Kind | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, ascii('BM')) && bytes.length > 14 && bytes[6] === 0 && bytes[7] === 0 && bytes[8] === 0 && bytes[9] === 0) return 'bmp';
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00]) && bytes.length > 6) return 'ico';
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]) || startsWith(bytes, [0x50, 0x4b, 0x07, 0x08])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return 'sevenzip';
  if (startsWith(bytes, ascii('Rar!\x1a\x07'))) return 'rar';
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return 'elf';
  if (startsWith(bytes, ascii('MZ')) && bytes.length > 64 && bytes.subarray(0, 64).includes(0)) return 'exe';
  if (startsWith(bytes, ascii('ftyp'), 4)) return 'mp4';
  if (startsWith(bytes, ascii('ID3')) && bytes.length > 10 && bytes[3]! >= 2 && bytes[3]! <= 4) return 'mp3';
  if (startsWith(bytes, [0x00, 0x61, 0x73, 0x6d])) return 'wasm';
  return null;
}

/** What to do with a file of `kind` that was given a text or document extension. */
export function adviceFor(kind: Kind): string {
  switch (kind) {
    case 'pdf':
      return 'rename it to .pdf and open it again';
    case 'zip':
      return 'if it is a Word document, rename it to .docx; otherwise unpack it and open a document inside';
    case 'ole':
      return 'open it in Word and save it as .docx without a password';
    case 'png':
    case 'jpeg':
    case 'gif':
    case 'webp':
    case 'tiff':
    case 'bmp':
      return 'open the original document, or run OCR on the image and open the text';
    default:
      return 'open the original document instead';
  }
}

/**
 * Whether the bytes look like binary data rather than text: NUL bytes, or many control characters
 * other than tab, line feed, vertical tab, form feed, carriage return and escape. Only a sample is read.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 64 * 1024);
  if (n === 0) return false;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) controls++;
  }
  // A lone Ctrl-Z at the end (old DOS files) is not enough.
  return controls > 4 && controls / n > 0.01;
}
