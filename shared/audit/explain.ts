// Plain-English reading of a verification result, for the Audit screen's
// non-programmer readers (docs/AUDIT-LOG.md: what it proves and what it cannot).
import type { VerificationResult } from './verify';

const CANNOT_PROVE =
  'It cannot prove that nothing was left out after the last entry by someone holding the key, so record the head hash of every export you receive.';

function ignoredNote(result: VerificationResult): string[] {
  const names = result.ignoredMembers ?? [];
  if (names.length === 0) return [];
  const shown = names
    .slice(0, 5)
    .map((name) => JSON.stringify(name))
    .join(', ');
  const more = names.length > 5 ? ` and ${names.length - 5} more` : '';
  return [
    `The file also holds ${names.length === 1 ? 'a member' : 'members'} the log format does not define (${shown}${more}): neither the chain nor the signature covers ${names.length === 1 ? 'it' : 'them'}, so ${names.length === 1 ? 'it was' : 'they were'} ignored and prove${names.length === 1 ? 's' : ''} nothing.`,
  ];
}

/** A few sentences saying what a verification result means and what to do next. */
export function explainVerification(result: VerificationResult): string {
  switch (result.status) {
    case 'OK':
      return [
        `The log is intact: its ${result.count} entries are exactly those signed by the holder of key ${result.keyId}, in order, none altered, inserted or removed up to the last entry (head ${result.finalHash?.slice(0, 16)}…).`,
        `Check that ${result.keyId} is a key you trust: anyone can sign a forged log with a key of their own.`,
        CANNOT_PROVE,
        ...ignoredNote(result),
      ].join(' ');
    case 'UNSIGNED':
      return [
        `The ${result.count} entries link up correctly, but the log carries no signature, so nothing shows which installation wrote it: anyone could have rebuilt it.`,
        'Ask for a signed export before relying on it.',
        ...ignoredNote(result),
      ].join(' ');
    case 'TAMPERED':
      if (result.where === 'seq') {
        return [
          `The log was changed: entry ${result.seq} (counting from the top) fails its check — ${result.reason}.`,
          'Entries from there on cannot be trusted. Ask for a fresh export from the original installation.',
        ].join(' ');
      }
      if (result.where === 'head') {
        return [
          `The entries link up, but the summary at the end (the "head") does not match them — ${result.reason}.`,
          'Entries may have been added or removed at the end. Do not rely on this file.',
        ].join(' ');
      }
      return [
        `The entries link up, but the signature fails — ${result.reason}.`,
        'Either the exercise details or the head were changed after signing, or the log was signed by a key other than the one expected. Do not rely on this file.',
      ].join(' ');
    case 'INVALID':
      return `This file is not a Truceline log that can be checked — ${result.reason}. Make sure you opened the exported log (.json) itself.`;
  }
}
