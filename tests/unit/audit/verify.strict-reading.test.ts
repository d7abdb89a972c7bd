// Verification reads an exported log's bytes strictly (I-JSON, RFC 7493): a
// file that JSON.parse would read one way and another reader another way is
// INVALID, named by line, column and member, never OK.
import { beforeAll, describe, expect, test } from 'vitest';
import {
  MemoryAuditLog,
  buildExportBundle,
  explainVerification,
  verifyLogBundle,
  verifyLogText,
  type ExportBundle,
  type LogSigner,
} from '../../../shared/audit';
import { DRAFTS, EXERCISE, copy, newSigner, signedBundle, steppingClock } from './log-fixture';

let signer: LogSigner;
let good: ExportBundle;
const utf8 = (text: string) => new TextEncoder().encode(text);

/** A bundle's JSON text from members in the given order, repeated names and all. */
function membersText(members: [string, unknown][]): string {
  return `{${members.map(([name, value]) => `${JSON.stringify(name)}:${JSON.stringify(value)}`).join(',')}}`;
}

function members(bundle: ExportBundle): [string, unknown][] {
  return Object.entries(bundle);
}

beforeAll(async () => {
  signer = await newSigner();
  good = await signedBundle(signer);
});

describe('duplicate member names', () => {
  test('a forged first "entries" with the genuine last one is INVALID, even against the genuine key', async () => {
    const forged = copy(good.entries);
    forged[5]!.data.text = 'Nothing to report';
    const text = membersText([
      ['format', good.format],
      ['version', good.version],
      ['exercise', good.exercise],
      ['entries', forged],
      ['head', good.head],
      ['signature', good.signature],
      ['entries', good.entries],
    ]);
    // JSON.parse keeps the last "entries", so a lenient verifier said OK while
    // another reader of the same file would show the forgery.
    expect((JSON.parse(text) as ExportBundle).entries).toEqual(good.entries);
    const result = await verifyLogBundle(text, { expectedPublicKey: signer.publicKeyBase64 });
    expect(result.status).toBe('INVALID');
    expect(result.line).toMatch(
      /^INVALID: not I-JSON \(RFC 7493\): line 1, column \d+ at \/entries: duplicate member name "entries" \(an object may hold each name once\)$/,
    );
    expect(explainVerification(result)).toContain('duplicate member name "entries"');
  });

  test('a repeated member inside an entry is INVALID, naming the entry and member', async () => {
    const text = JSON.stringify(good).replace(
      '"actor":"operator-1"',
      '"actor":"forger","actor":"operator-1"',
    );
    const result = await verifyLogBundle(utf8(text));
    expect(result.line).toMatch(
      /^INVALID: not I-JSON \(RFC 7493\): line 1, column \d+ at \/entries\/3\/actor: duplicate member name "actor"/,
    );
  });
});

describe('bytes that are not UTF-8', () => {
  test('are INVALID with the byte named, where a lenient decoder made U+FFFD of them and said OK', async () => {
    const log = new MemoryAuditLog(EXERCISE.id, { now: steppingClock() });
    for (const draft of DRAFTS) await log.append([draft]);
    await log.append([{ ...DRAFTS[5]!, data: { text: 'Grid reference unreadable: \uFFFD' } }]);
    const bundle = await buildExportBundle({ exercise: EXERCISE, entries: log.entries(), signer });
    const bytes = utf8(JSON.stringify(bundle, null, 1));
    const at = bytes.findIndex(
      (b, i) => b === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd,
    );
    // The file holds 0xFF where the signed text held U+FFFD.
    const corrupt = new Uint8Array([...bytes.subarray(0, at), 0xff, ...bytes.subarray(at + 3)]);
    expect((await verifyLogBundle(new TextDecoder().decode(corrupt))).status).toBe('OK');
    const result = await verifyLogBundle(corrupt);
    expect(result.status).toBe('INVALID');
    expect(result.line).toMatch(
      new RegExp(
        `^INVALID: not UTF-8 text: byte ${at} \\(line \\d+, column \\d+\\): byte 0xFF never occurs in UTF-8$`,
      ),
    );
  });
});

describe('lone surrogates', () => {
  test('in an entry: INVALID naming the member, before any hashing', async () => {
    const text = JSON.stringify(good).replace('ETA 20 min', 'ETA \\ud83d 20 min');
    const result = await verifyLogBundle(text);
    expect(result.line).toMatch(
      /^INVALID: not I-JSON \(RFC 7493\): line 1, column \d+ at \/entries\/5\/data\/text: a string holds the lone surrogate U\+D83D, which is not a Unicode character$/,
    );
  });

  test('in a member no signature covers: INVALID too, where a lenient reader said OK', async () => {
    const text = membersText([...members(good), ['comment', 'x']]).replace('"x"', '"\\udc00"');
    expect((await verifyLogBundle(JSON.parse(text))).status).toBe('OK');
    const result = await verifyLogBundle(text);
    expect(result.line).toMatch(
      /^INVALID: not I-JSON \(RFC 7493\): line 1, column \d+ at \/comment: a string holds the lone surrogate U\+DC00/,
    );
  });
});

describe('deep nesting', () => {
  test('is INVALID with a clear error, never a stack overflow', async () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const text = `${JSON.stringify(good).slice(0, -1)},"extra":${deep}}`;
    const result = await verifyLogBundle(text);
    expect(result.line).toMatch(
      /^INVALID: too deeply nested: line 1, column \d+ at \/extra\/0\/0.*: nested more than 512 levels deep$/,
    );
  });
});

describe('members the format does not define', () => {
  test('an extra top-level member verifies, and is named as ignored', async () => {
    const text = membersText([...members(good), ['reviewed_by', 'General X']]);
    const result = await verifyLogBundle(text, { expectedPublicKey: signer.publicKeyBase64 });
    expect(result.status).toBe('OK');
    expect(result.ignoredMembers).toEqual(['reviewed_by']);
    expect(explainVerification(result)).toContain(
      'The file also holds a member the log format does not define ("reviewed_by"): neither the chain nor the signature covers it, so it was ignored and proves nothing.',
    );
  });

  test('a "__proto__" member is an ordinary ignored member: it verifies, and no prototype changes', async () => {
    const text = membersText([['__proto__', { polluted: true, format: 'x' }], ...members(good)]);
    const { result, value } = await verifyLogText(text);
    expect(result.status).toBe('OK');
    expect(result.ignoredMembers).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  test('signature null is an unsigned log, as an absent one', async () => {
    const text = membersText([
      ...members(good).filter(([name]) => name !== 'signature'),
      ['signature', null],
    ]);
    const result = await verifyLogBundle(text);
    expect(result.status).toBe('UNSIGNED');
    expect(result.ignoredMembers).toBeUndefined();
  });
});
