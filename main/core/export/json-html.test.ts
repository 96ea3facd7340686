import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonForHtml, ldJsonScript } from './index';

const UNSAFE = /[<>&\u2028\u2029]/;

describe('jsonForHtml', () => {
  it('writes "<", ">", "&", U+2028 and U+2029 as \\u escapes', () => {
    const value = { note: '</script><script>alert(1)</script> <!-- & \u2028\u2029', '</SCRIPT>': ['>', '&amp;'] };
    const json = jsonForHtml(value);
    expect(json).toBe(
      '{"note":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u003c!-- \\u0026 \\u2028\\u2029","\\u003c/SCRIPT\\u003e":["\\u003e","\\u0026amp;"]}',
    );
    expect(JSON.parse(json)).toEqual(value);
    expect(jsonForHtml(value, 2)).toContain('\n  "note": "\\u003c/script');
  });

  it('is valid JSON with the same value as JSON.stringify, and none of those characters, for any JSON value', () => {
    const hostileString = fc.oneof(fc.string(), fc.constantFrom('</script>', '</SCRIPT >', '<!--', '-->', '&', '\u2028', '\u2029', '\u202E', '\uD800'));
    const json = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        hostileString,
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        const out = jsonForHtml(value);
        expect(out).not.toMatch(UNSAFE);
        expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 500 },
    );
  });

  it('wraps the value in a ld+json script element nothing in it can close', () => {
    const script = ldJsonScript({ a: '</script><script>alert(1)</script>' });
    expect(script).toBe('<script type="application/ld+json">{"a":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}</script>');
    expect(script.match(/<\/script/gi)).toHaveLength(1);
  });
});
