// The join code: enough secret, readable back exactly, and a typo is refused by name.
import { describe, expect, it } from 'vitest';
import {
  JOIN_SECRET_BYTES,
  JoinCodeError,
  formatJoinCode,
  newJoinSecret,
  parseJoinCode,
} from '../../../shared/room/join-code';

describe('join code', () => {
  it('carries at least 100 bits of secret and reads back to the same bytes, whatever the case and dashes', () => {
    expect(JOIN_SECRET_BYTES * 8).toBeGreaterThanOrEqual(100);
    for (let i = 0; i < 50; i++) {
      const secret = newJoinSecret();
      const code = formatJoinCode(secret);
      expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{1,4})+$/);
      expect(parseJoinCode(code)).toEqual(secret);
      expect(parseJoinCode(code.toLowerCase().replace(/-/g, ' '))).toEqual(secret);
    }
  });

  it('two codes made one after another differ', () => {
    expect(formatJoinCode(newJoinSecret())).not.toBe(formatJoinCode(newJoinSecret()));
  });

  it('refuses a character outside the alphabet, a wrong length, and bits past the end, saying which', () => {
    const code = formatJoinCode(newJoinSecret());
    expect(() => parseJoinCode(code.replace(/^./, '1'))).toThrow(/"1" \(character 1\)/);
    expect(() => parseJoinCode(code.slice(0, -1))).toThrow(JoinCodeError);
    expect(() => parseJoinCode(code.slice(0, -1))).toThrow(/25 letters and digits where 26/);
    // The last character carries 3 bits of secret and 2 of padding, which must be zero.
    const last = code.at(-1)!;
    const padded = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.indexOf(last) ^ 1;
    const typo = code.slice(0, -1) + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[padded]!;
    expect(() => parseJoinCode(typo)).toThrow(/last character/);
  });
});
