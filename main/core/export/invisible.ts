/**
 * Characters a reader cannot see but that change what they read: bidirectional overrides and
 * isolates that reorder the text around them (U+202A-U+202E, U+2066-U+2069), zero-width spaces,
 * joiners and marks (U+200B-U+200F, U+2060-U+2064, U+FEFF), tag characters and every other format
 * character (Unicode category Cf), control characters other than tab and line breaks, and the
 * Hangul fillers that render as blank.
 */
export const INVISIBLE = /(?![\t\n\r])[\p{Cf}\p{Cc}\u115F\u1160\u3164\uFFA0]/gu;

const NAMES: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (byte order mark)',
};

/** The code point as U+XXXX. */
export function codePointOf(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What the character is, for a tooltip: its code point, and its name when it is a common one. */
export function invisibleName(char: string): string {
  const name = NAMES[char.codePointAt(0)!];
  return name ? `${codePointOf(char)} ${name}` : `${codePointOf(char)} invisible character`;
}

/** The visible stand-in for an invisible character: ⟨U+202E⟩. */
export function invisibleToken(char: string): string {
  return `⟨${codePointOf(char)}⟩`;
}

/**
 * Replaces every invisible character with its visible token, so a reader sees it and it can no
 * longer reorder or hide the text around it. For reports only: data formats keep the characters.
 */
export function showInvisibles(text: string): string {
  return text.replace(INVISIBLE, invisibleToken);
}
