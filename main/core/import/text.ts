import type { Block } from '../../../common/domain';
import { ClaimscopeError } from '../../../common/errors';
import { guessTitle } from './title';
import type { ImportedDocument } from './types';

/** Decodes a text file: UTF-8 (with or without BOM). */
export function decodeText(name: string, bytes: Uint8Array): string {
  let body = bytes;
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new ClaimscopeError('bad_file', `${name}: not readable as UTF-8 text; save it as UTF-8 and try again`);
  }
}

/** Paragraph blocks: runs of text separated by blank lines; single line breaks stay inside. */
export function paragraphBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const re = /\S[\s\S]*?(?=\n[ \t\r]*\n|\s*$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    let end = start + m[0].length;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    blocks.push({ type: 'paragraph', start, end });
  }
  return blocks;
}

export function importPlainText(name: string, bytes: Uint8Array, format: 'txt' | 'md'): ImportedDocument {
  const text = decodeText(name, bytes);
  if (text.trim() === '') throw new ClaimscopeError('bad_file', `${name}: the file is empty; choose a file with text in it`);
  const blocks = paragraphBlocks(text);
  return { title: guessTitle(text, blocks, name), format, text, blocks, metadata: {} };
}
