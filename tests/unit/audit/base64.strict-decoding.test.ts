// The signature's base64 is read strictly (RFC 4648 section 4, padded, the
// standard alphabet only): anything else is null, never a guess.
import { describe, expect, test } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../../shared/audit/base64';

describe('strict base64 decoding', () => {
  test.each([
    ['a length that is not a multiple of 4', 'QUJDQQ'],
    ['padding inside the text, not at its end', 'QQ==QUJD'],
    ['padding in an earlier group of a padded text', 'QQ==QQ=='],
    ['a letter beyond ASCII', 'QUJ\u00e9'],
    ['the first code point beyond ASCII', 'QUJ\u0080'],
    ['one pad with bits set under it', 'QUJ='],
    ['two pads with bits set under them', 'QR=='],
  ])('refuses %s', (_, text) => {
    expect(base64ToBytes(text)).toBeNull();
  });

  test.each([
    ['no padding', 'QUJD', [65, 66, 67]],
    ['one pad', 'QUI=', [65, 66]],
    ['canonical one pad', 'QUE=', [65, 65]],
    ['canonical two pads', 'QQ==', [65]],
    ['empty', '', []],
  ])('reads %s', (_, text, bytes) => {
    const read = base64ToBytes(text);
    expect(read === null ? null : [...read]).toEqual(bytes);
  });

  test('round-trips every length from 0 to 10 bytes', () => {
    for (let n = 0; n <= 10; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255);
      expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    }
  });
});
