import type { Block } from '../../../common/domain';

/** A headline-like line near the top (short, wordy, not a dateline), else the file name. */
export function guessTitle(text: string, blocks: readonly Block[], fileName: string): string {
  const heading = blocks.find((b) => b.type === 'heading');
  if (heading) return clip(text.slice(heading.start, heading.end));
  const lines = blocks.slice(0, 5).flatMap((b) => text.slice(b.start, b.end).split('\n').slice(0, 3));
  for (const raw of lines) {
    if (raw.length > 400) continue;
    const line = raw.trim();
    const words = line.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w));
    const digits = (line.match(/\d/g) ?? []).length;
    if (line.length <= 160 && words.length >= 3 && digits / line.length < 0.1 && !/[.:;,]$/.test(line)) return clip(line);
  }
  return fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') || fileName;
}

function clip(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 200 ? t.slice(0, 199) + '…' : t;
}
