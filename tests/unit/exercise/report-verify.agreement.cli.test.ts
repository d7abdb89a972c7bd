// `truceline report` reads an exported log exactly as `truceline verify` does:
// it reports on every log verify finds intact (OK or UNSIGNED: signature null,
// members the format does not define, "__proto__"), and refuses the rest in
// one plain line, never a validation dump.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildExportBundle,
  computeEntryHash,
  signerFromKeyFile,
  type ExportBundle,
  type LogEntry,
} from '../../../shared/audit';
import { truceline, writeHandScenarioFile } from './hand-scenario-cli';

let dir: string;
let scenario: string;
let keyFile: string;
let signed: ExportBundle;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'truceline-report-verify-'));
  scenario = writeHandScenarioFile(dir, 'hand.scenario.json');
  keyFile = join(dir, 'key.json');
  expect(truceline('keygen', '--out', keyFile).status).toBe(0);
  const log = join(dir, 'signed.json');
  const run = truceline('exercise', scenario, '--out', log, '--key', keyFile);
  expect(run.status).toBe(0);
  signed = JSON.parse(readFileSync(log, 'utf8')) as ExportBundle;
}, 120_000);

/** A bundle's JSON text from members in the given order, repeated names and all. */
function membersText(members: [string, unknown][]): string {
  return `{${members.map(([name, value]) => `${JSON.stringify(name)}:${JSON.stringify(value)}`).join(',\n')}}`;
}

function write(name: string, content: string | Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** Runs verify and report on one file and checks that they agree. */
function both(file: string) {
  const verify = truceline('verify', file);
  const report = truceline('report', file, '--scenario', scenario);
  const verdict = verify.stdout.split('\n')[0]!;
  const intact = /^(OK|UNSIGNED) /.test(verdict);
  expect(report.status, report.stderr).toBe(intact ? 0 : 1);
  if (!intact) {
    // One plain line naming the file and why; for a log verify refuses, verify's own line.
    expect(report.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(report.stderr).toBe(`${file}: ${verdict}\n`);
  } else {
    expect(report.stdout.startsWith('**EXERCISE**')).toBe(true);
  }
  return { verify, report, verdict };
}

describe('report and verify agree', () => {
  it('on a signed log: OK, and a report', () => {
    const { verdict, report } = both(write('signed-copy.json', JSON.stringify(signed)));
    expect(verdict).toMatch(/^OK /);
    expect(report.stderr).toBe('');
  });

  it('on an unsigned log with "signature": null: UNSIGNED, and a report with a warning (exit 0)', () => {
    const file = write('unsigned.json', JSON.stringify({ ...signed, signature: null }));
    const { verify, verdict, report } = both(file);
    expect(verify.status).toBe(1);
    expect(verdict).toMatch(/^UNSIGNED \d+ entries, head [0-9a-f]{64}$/);
    expect(report.stderr).toBe(`warning: ${file}: ${verdict}\n`);
  });

  it('on an extra top-level member: OK, and a report that names it as ignored', () => {
    const file = write(
      'extra.json',
      membersText([...Object.entries(signed), ['reviewed_by', 'General X']]),
    );
    const { verify, verdict, report } = both(file);
    expect(verify.status).toBe(0);
    expect(verdict).toMatch(/^OK /);
    expect(verify.stdout).toContain('("reviewed_by")');
    expect(report.stderr).toBe(
      `warning: ${file}: top-level member "reviewed_by" is not part of the log format and no signature covers it; ignored\n`,
    );
  });

  it('on a "__proto__" member: an ordinary ignored member for both', () => {
    const file = write(
      'proto.json',
      membersText([['__proto__', { format: 'other', entries: [] }], ...Object.entries(signed)]),
    );
    const { verify, report } = both(file);
    expect(verify.status).toBe(0);
    expect(report.stderr).toContain('top-level member "__proto__" is not part of the log format');
  });

  it('on a duplicate "entries" (a forged first one): both refuse, with the same line', () => {
    const forged = (signed.entries as LogEntry[]).slice(0, 3);
    const file = write(
      'duplicate.json',
      membersText([
        ['format', signed.format],
        ['version', signed.version],
        ['exercise', signed.exercise],
        ['entries', forged],
        ['head', signed.head],
        ['signature', signed.signature],
        ['entries', signed.entries],
      ]),
    );
    const { verify, verdict } = both(file);
    expect(verify.status).toBe(1);
    expect(verdict).toMatch(
      /^INVALID: not I-JSON \(RFC 7493\): line 7, column 1 at \/entries: duplicate member name "entries"/,
    );
  });

  it('on bytes that are not UTF-8: both refuse, naming the byte', () => {
    const text = membersText([...Object.entries(signed), ['comment', 'caf?']]);
    const bytes = new TextEncoder().encode(text);
    const at = Buffer.from(bytes).lastIndexOf('caf?') + 3;
    bytes[at] = 0xe9; // Latin-1 é: a lenient read made it U+FFFD and said OK
    const { verdict } = both(write('latin1.json', bytes));
    expect(verdict).toMatch(
      new RegExp(`^INVALID: not UTF-8 text: byte ${at} \\(line \\d+, column \\d+\\): `),
    );
  });

  it('on a lone surrogate in the file: both refuse, naming the member', () => {
    const text = membersText([...Object.entries(signed), ['comment', 'x']]).replace(
      '"comment":"x"',
      '"comment":"\\ud800"',
    );
    const { verdict } = both(write('surrogate.json', text));
    expect(verdict).toMatch(
      /^INVALID: not I-JSON \(RFC 7493\): line \d+, column \d+ at \/comment: a string holds the lone surrogate U\+D800/,
    );
  });

  it('on an intact log whose entries this version cannot read: report refuses in one line', async () => {
    // An additive member from a later version, sealed and signed by the same key.
    const entries = structuredClone(signed.entries) as LogEntry[];
    const k = entries.findIndex((e) => e.role === 'operator');
    // (`party` was such a member until protocol version 2 made it part of the format.)
    (entries[k] as LogEntry & { liaison?: string }).liaison = 'A';
    for (let i = k; i < entries.length; i++) {
      if (i > 0) entries[i]!.prev_hash = entries[i - 1]!.hash;
      const { hash: _old, ...body } = entries[i]!;
      entries[i]!.hash = computeEntryHash(body);
    }
    const signer = await signerFromKeyFile(readFileSync(keyFile, 'utf8'));
    const bundle = await buildExportBundle({ exercise: signed.exercise, entries, signer });
    const file = write('later-version.json', JSON.stringify(bundle));
    const verify = truceline('verify', file);
    expect(verify.status).toBe(0);
    const report = truceline('report', file, '--scenario', scenario);
    expect(report.status).toBe(1);
    expect(report.stderr).toBe(
      `${file}: the log verifies (OK) but this version cannot read it: entries[${k}] (entry ${k + 1}, seq ${k + 1}): Unrecognized key: "liaison"\n`,
    );
  });
});
