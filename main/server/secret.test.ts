import { describe, expect, it } from 'vitest';
import { MIN_SECRET_LENGTH, newSecret, secretFrom } from './security';

describe('the web host secret', () => {
  it('makes a new 32-byte secret when none is given', () => {
    const s = secretFrom({});
    expect(s).toHaveLength(MIN_SECRET_LENGTH);
    expect(secretFrom({ CLAIMSCOPE_SECRET: '' })).not.toBe(s);
  });

  it('takes a given secret only when it is as strong as a generated one', () => {
    const strong = newSecret();
    expect(secretFrom({ CLAIMSCOPE_SECRET: strong })).toBe(strong);
    for (const weak of ['a', 'secret', 'x'.repeat(MIN_SECRET_LENGTH - 1), `${'y'.repeat(MIN_SECRET_LENGTH)} !`]) {
      expect(() => secretFrom({ CLAIMSCOPE_SECRET: weak })).toThrow(/CLAIMSCOPE_SECRET is too weak .* at least 43/);
    }
  });
});
