// The Audit screen's plain-English reading of each kind of verification
// result, word for word, including the note on members the format does not
// define (one, several, more than five).
import { describe, expect, test } from 'vitest';
import { explainVerification } from '../../../shared/audit/explain';
import type { VerificationResult } from '../../../shared/audit/verify';

const HEAD = '0123456789abcdef'.repeat(4);
const CANNOT_PROVE =
  'It cannot prove that nothing was left out after the last entry by someone holding the key, so record the head hash of every export you receive.';

const ok: VerificationResult = {
  status: 'OK',
  reason: '',
  keyId: 'k1k2k3k4k5k6k7k8',
  count: 8,
  finalHash: HEAD,
  line: `OK 8 entries, head ${HEAD}, key k1k2k3k4k5k6k7k8`,
};

describe('explainVerification', () => {
  test('OK: what the signature proves, whom to trust, what it cannot prove', () => {
    expect(explainVerification(ok)).toBe(
      [
        'The log is intact: its 8 entries are exactly those signed by the holder of key k1k2k3k4k5k6k7k8, in order, none altered, inserted or removed up to the last entry (head 0123456789abcdef…).',
        'Check that k1k2k3k4k5k6k7k8 is a key you trust: anyone can sign a forged log with a key of their own.',
        CANNOT_PROVE,
      ].join(' '),
    );
  });

  test('OK without a head hash (a result not made by verifyLogBundle) still reads', () => {
    expect(() => explainVerification({ status: 'OK', reason: '', line: 'OK' })).not.toThrow();
  });

  test('OK with one ignored member', () => {
    expect(explainVerification({ ...ok, ignoredMembers: ['comment'] })).toMatch(
      / receive\. The file also holds a member the log format does not define \("comment"\): neither the chain nor the signature covers it, so it was ignored and proves nothing\.$/,
    );
  });

  test('UNSIGNED with seven ignored members: five named and how many more', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    expect(
      explainVerification({
        status: 'UNSIGNED',
        reason: 'unsigned',
        count: 3,
        finalHash: HEAD,
        line: 'UNSIGNED',
        ignoredMembers: names,
      }),
    ).toBe(
      'The 3 entries link up correctly, but the log carries no signature, so nothing shows which installation wrote it: anyone could have rebuilt it. Ask for a signed export before relying on it. The file also holds members the log format does not define ("a", "b", "c", "d", "e" and 2 more): neither the chain nor the signature covers them, so they were ignored and prove nothing.',
    );
  });

  test('UNSIGNED with exactly five ignored members names them all', () => {
    expect(
      explainVerification({
        status: 'UNSIGNED',
        reason: 'unsigned',
        count: 3,
        line: 'UNSIGNED',
        ignoredMembers: ['a', 'b', 'c', 'd', 'e'],
      }),
    ).toContain('("a", "b", "c", "d", "e"): neither');
  });

  test('UNSIGNED without ignored members adds no note', () => {
    expect(
      explainVerification({
        status: 'UNSIGNED',
        reason: 'unsigned',
        count: 3,
        line: 'UNSIGNED',
        ignoredMembers: [],
      }),
    ).toBe(
      'The 3 entries link up correctly, but the log carries no signature, so nothing shows which installation wrote it: anyone could have rebuilt it. Ask for a signed export before relying on it.',
    );
  });

  test('TAMPERED in the chain names the entry', () => {
    expect(
      explainVerification({
        status: 'TAMPERED',
        where: 'seq',
        seq: 4,
        reason: 'its hash does not match its content: the entry was altered',
        line: 'TAMPERED seq 4: …',
      }),
    ).toBe(
      'The log was changed: entry 4 (counting from the top) fails its check — its hash does not match its content: the entry was altered. Entries from there on cannot be trusted. Ask for a fresh export from the original installation.',
    );
  });

  test('TAMPERED head', () => {
    expect(
      explainVerification({
        status: 'TAMPERED',
        where: 'head',
        reason: 'the head is missing',
        line: 'TAMPERED head: the head is missing',
      }),
    ).toBe(
      'The entries link up, but the summary at the end (the "head") does not match them — the head is missing. Entries may have been added or removed at the end. Do not rely on this file.',
    );
  });

  test('TAMPERED signature', () => {
    expect(
      explainVerification({
        status: 'TAMPERED',
        where: 'signature',
        reason: 'alg is "RSA", expected "Ed25519"',
        line: 'TAMPERED signature: …',
      }),
    ).toBe(
      'The entries link up, but the signature fails — alg is "RSA", expected "Ed25519". Either the exercise details or the head were changed after signing, or the log was signed by a key other than the one expected. Do not rely on this file.',
    );
  });

  test('INVALID', () => {
    expect(
      explainVerification({
        status: 'INVALID',
        where: 'format',
        reason: 'the log has no entries',
        line: 'INVALID: the log has no entries',
      }),
    ).toBe(
      'This file is not a Truceline log that can be checked — the log has no entries. Make sure you opened the exported log (.json) itself.',
    );
  });
});
