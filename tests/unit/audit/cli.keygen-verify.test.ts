import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildExportBundle, signerFromKeyFile, type ExportBundle } from '../../../shared/audit';
import { EXERCISE, buildLog, copy } from './log-fixture';

function truceline(...args: string[]) {
  return spawnSync(
    process.execPath,
    ['shared/node/run-ts.mjs', 'shared/node/cli/main.ts', ...args],
    {
      encoding: 'utf8',
    },
  );
}

const dir = mkdtempSync(join(tmpdir(), 'truceline-audit-cli-'));
const keyFile = join(dir, 'installation.key.json');
let bundle: ExportBundle;
let publicKey: string;
let keyId: string;

beforeAll(async () => {
  const made = truceline('keygen', '--out', keyFile);
  expect(made.status).toBe(0);
  publicKey = /public key: (\S+)/.exec(made.stdout)![1]!;
  keyId = /key id: ([0-9a-f]{16})/.exec(made.stdout)![1]!;
  const signer = await signerFromKeyFile(readFileSync(keyFile, 'utf8'));
  bundle = await buildExportBundle({
    exercise: EXERCISE,
    entries: (await buildLog()).entries(),
    signer,
  });
});

describe('truceline keygen', () => {
  test('writes a 0600 key file and refuses to overwrite it', () => {
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const file = JSON.parse(readFileSync(keyFile, 'utf8')) as Record<string, string>;
    expect(file).toMatchObject({ key_id: keyId, public_key: publicKey });
    const again = truceline('keygen', '--out', keyFile);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists; not overwritten');
    expect(truceline('keygen').status).toBe(2);
  });
});

describe('truceline verify', () => {
  test('OK first line and exit 0 for a good log, also against the trusted key', () => {
    const file = join(dir, 'good.json');
    writeFileSync(file, JSON.stringify(bundle, null, 2));
    const plain = truceline('verify', file);
    expect(plain.status).toBe(0);
    expect(plain.stdout.split('\n')[0]).toBe(
      `OK 8 entries, head ${bundle.head.final_hash}, key ${keyId}`,
    );
    const pkFile = join(dir, 'trusted.pub');
    writeFileSync(pkFile, `${publicKey}\n`);
    expect(truceline('verify', file, '--public-key', pkFile).status).toBe(0);
    expect(truceline('verify', file, '--public-key', keyFile).status).toBe(0);
  });

  test('exit 1 and the TAMPERED line for an edited log, or another key', () => {
    const edited = copy(bundle);
    edited.entries[2]!.data.severity = 'low';
    const file = join(dir, 'edited.json');
    writeFileSync(file, JSON.stringify(edited));
    const result = truceline('verify', file);
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe(
      'TAMPERED seq 3: its hash does not match its content: the entry was altered',
    );

    const good = join(dir, 'good2.json');
    writeFileSync(good, JSON.stringify(bundle));
    const other = join(dir, 'other.pub');
    writeFileSync(other, 'rwzcNOxb4dPn3kYnS/8giOtCIah8LBbnf5QVAull0bE=');
    const wrongKey = truceline('verify', good, '--public-key', other);
    expect(wrongKey.status).toBe(1);
    expect(wrongKey.stdout).toMatch(
      /^TAMPERED signature: signed by key [0-9a-f]{16}, not by the expected key 1b365869e0fa8995\n/,
    );
  });

  test('exit 1 for UNSIGNED and INVALID, with --json machine-readable', () => {
    const unsigned = copy(bundle);
    delete unsigned.signature;
    const file = join(dir, 'unsigned.json');
    writeFileSync(file, JSON.stringify(unsigned));
    const result = truceline('verify', file, '--json');
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      status: 'UNSIGNED',
      line: `UNSIGNED 8 entries, head ${bundle.head.final_hash}`,
    });
    const notLog = join(dir, 'scenario.json');
    writeFileSync(notLog, '{"id":"x","classification":"EXERCISE"}');
    const invalid = truceline('verify', notLog);
    expect(invalid.status).toBe(1);
    expect(invalid.stdout).toMatch(
      /^INVALID: not a Truceline log: format is missing, expected "truceline-log"\n/,
    );
    const missing = truceline('verify', join(dir, 'nope.json'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('cannot read: ENOENT');
    expect(truceline('verify').status).toBe(2);
  });
});
