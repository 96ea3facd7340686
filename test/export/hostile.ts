import type { ReportInput } from '../../main/core/export/types';
import { FixtureBuilder } from './fixture';

/** Markup that, if it ever ran in a page, sets `window.__pwned` (and most open a dialog too). */
export const SCRIPT_PAYLOADS = [
  `</script><script>window.__pwned='script';alert('script')</script>`,
  `</SCRIPT ><script>window.__pwned='upper-case';alert('upper-case')</script>`,
  `<img src=x onerror="window.__pwned='img';alert('img')">`,
  `<svg onload="window.__pwned='svg'"></svg>`,
  `</title><script>window.__pwned='title'</script>`,
  `</style><script>window.__pwned='style'</script>`,
  `<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>`,
  `<!--<script> swallow what follows`,
  `<a href="javascript:window.__pwned='link'">click</a>`,
];

/** Text that CommonMark or GFM would turn into HTML, a link, an image, a heading, a list, a table... */
export const MARKDOWN_PAYLOADS = [
  'https://a.example/<img src=x onerror=alert(1)>',
  'See www.a.example/<img src=x onerror=alert(2)> now',
  'WWW.A.EXAMPLE/<b>bold</b>',
  'ftp://a.example/<script>alert(3)</script>',
  'https://a.example/\\<img src=x onerror=alert(4)>',
  'mail user@a.example.com/<b>x</b> or mailto:user@a.example.com',
  '<script>alert(5)</script>',
  '[click](javascript:alert(6)) and [x]: javascript:alert(7)',
  '![image](https://a.example/x.png)',
  '<https://a.example/angle> and <user@a.example.com>',
  'javascript:alert(8)',
  '# Heading from the text',
  '## Second heading',
  '> quoted line',
  '- list item',
  '+ plus item',
  '* star item',
  '1. ordered item',
  '1) ordered item',
  '| a | b |',
  '|---|---|',
  '`code` and ``double `tick` code``',
  '***',
  '---',
  '===',
  '<!-- comment -->',
  '&lt;img src=x onerror=alert(9)&gt; &#60;b&#62;',
  '*emphasis* _emphasis_ **strong** ~~deleted~~ $math$',
  '[ref]: https://a.example/ref',
  '<div onclick=alert(10)>div</div>',
  '    indented code',
  'trailing backslash \\',
];

/** Invisible characters a report must show: overrides, isolates, zero-width ones, a BOM, a tag character. */
export const INVISIBLE_TEXT = 'Pay \u202Etxt.exe\u202C now, \u2066isolated\u2069, pass\u200Bword, zero\u200D\u200C\u200E\u200Fwidth, \u2060\u2061\u2062\u2063\u2064, \uFEFFbom, tag\u{E0041}';

/** Everything above, one item a line. */
export const HOSTILE_LINES = [...SCRIPT_PAYLOADS, ...MARKDOWN_PAYLOADS, INVISIBLE_TEXT];

export const HOSTILE_TITLE = `</title><script>window.__pwned='title';alert('title')</script> # https://a.example/<img src=x onerror=alert(1)> \u202Egnp.exe`;
export const HOSTILE_PATH = '/home/analyst/Secret Project/<b>sources</b>/leak.txt';

/**
 * A document whose every line is hostile and annotated as a claim, with hostile notes (over several
 * lines), source names, aliases, flag explanations, title, metadata and path.
 */
export function hostileFixture(): { input: ReportInput; b: FixtureBuilder } {
  const text = `${HOSTILE_LINES.join('\n\n')}\n`;
  const b = new FixtureBuilder(text);
  const statuses = ['unverified', 'supported', 'disputed', 'refuted', 'retracted'] as const;
  const claims = HOSTILE_LINES.map((line, i) =>
    b.annotate('claim', line, {
      status: statuses[i % statuses.length]!,
      credibility: (i % 6) + 1,
      note: `${HOSTILE_LINES[(i + 7) % HOSTILE_LINES.length]}\n# note heading ${i}\n> note quote\n- note item\n${INVISIBLE_TEXT}`,
    }),
  );
  const attribution = b.annotate('attribution', SCRIPT_PAYLOADS[0]!, { note: MARKDOWN_PAYLOADS[0]! });
  const sources = [
    b.source(SCRIPT_PAYLOADS[0]!, 'person', 'A', { aliases: [SCRIPT_PAYLOADS[2]!, '# alias'], note: `${MARKDOWN_PAYLOADS[4]!}\n${SCRIPT_PAYLOADS[1]!}` }),
    b.source('[Source](javascript:alert(1)) https://a.example/<img src=x onerror=alert(1)>', 'organisation', 'B', { aliases: ['| pipe |'], note: '- item\n1. item' }),
    b.source(`# Heading source ${INVISIBLE_TEXT}`, 'outlet', 'C', { note: INVISIBLE_TEXT }),
  ];
  claims.forEach((c, i) => b.cite(c, sources[i % sources.length]!));
  b.cite(attribution, sources[0]!);
  b.cover(attribution, claims[0]!);
  b.flag([claims[0]!, claims[1]!], `# flag heading ${SCRIPT_PAYLOADS[0]!} https://a.example/<img src=x onerror=alert(1)>`, 'open', `> ${SCRIPT_PAYLOADS[2]!}\n${INVISIBLE_TEXT}`);
  b.flag([claims[2]!, claims[3]!], '- list item explanation', 'confirmed', '1. ordered note');
  b.flag([claims[4]!, claims[5]!], '1. ordered explanation | a | b |', 'dismissed');
  b.flag([claims[6]!, claims[7]!], '=== setext', 'open');
  b.flag([claims[8]!, claims[9]!], `${INVISIBLE_TEXT} <img src=x onerror=alert(1)>`, 'open');
  const input = b.input({
    title: HOSTILE_TITLE,
    path: HOSTILE_PATH,
    metadata: {
      author: `${SCRIPT_PAYLOADS[2]!} ${INVISIBLE_TEXT}`,
      published: '<b>2025-07-22</b>',
      url: 'javascript:window.__pwned="url";alert(document.domain)',
      [`<img src=x onerror="window.__pwned='key'">`]: SCRIPT_PAYLOADS[0]!,
    },
  });
  return { input, b };
}
