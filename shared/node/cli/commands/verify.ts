import { readFileSync } from 'node:fs';
import { explainVerification } from '../../../audit/explain';
import { verifyLogBundle } from '../../../audit/verify';
import { EXIT, UsageError, err, out, parseCommandArgs, type Command } from '../command';

const usage = `usage: truceline verify <log.json> [--public-key <file>] [--json]

Verifies an exported log (docs/AUDIT-LOG.md). The file is read strictly as
I-JSON (RFC 7493): UTF-8 only, no member name twice in an object, no lone
surrogates, finite numbers; anything else is INVALID, with where and why.
Then: format and version, seq 1..n,
prev_hash links, every hash, the head, and the Ed25519 signature. Prints
the result line first, exactly one of
  OK <n> entries, head <final_hash>, key <key_id>
  UNSIGNED <n> entries, head <final_hash>
  TAMPERED seq <k>: <reason> | TAMPERED head: <reason> | TAMPERED signature: <reason>
  INVALID: <reason>
then a plain-English explanation. OK proves the entries are exactly those the
holder of key <key_id> signed, in order, up to the head: check that you trust
that key (--public-key does it for you), and record the head hash.

options:
  --public-key <file>  the trusted public key: a file holding the base64
                       public key exactly as in signature.public_key (or a
                       keygen key file, whose public key is used)
  --json               print the result as JSON instead

exit codes: 0 OK, 1 anything else (UNSIGNED, TAMPERED, INVALID, unreadable), 2 usage error`;

function readPublicKey(file: string): string {
  const text = readFileSync(file, 'utf8').trim();
  if (text.startsWith('{')) {
    const parsed = JSON.parse(text) as { public_key?: unknown };
    if (typeof parsed.public_key !== 'string') throw new Error('no "public_key" in this JSON file');
    return parsed.public_key;
  }
  return text;
}

export const command: Command = {
  name: 'verify',
  summary: 'verify an exported log',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      'public-key': { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError('expected exactly one log file');
    const file = positionals[0]!;
    let expectedPublicKey: string | undefined;
    if (values['public-key'] !== undefined) {
      try {
        expectedPublicKey = readPublicKey(values['public-key']);
      } catch (error) {
        const e = error as NodeJS.ErrnoException;
        err(`${values['public-key']}: cannot read the public key: ${e.code ?? e.message}`);
        return EXIT.invalid;
      }
    }
    let bytes: Uint8Array;
    try {
      // Bytes, not text: decoding here would replace bytes that are not UTF-8 instead of refusing them.
      bytes = readFileSync(file);
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      err(`${file}: cannot read: ${e.code ?? e.message}`);
      return EXIT.invalid;
    }
    const result = await verifyLogBundle(
      bytes,
      expectedPublicKey === undefined ? {} : { expectedPublicKey },
    );
    if (values.json) {
      out(JSON.stringify({ ...result, explanation: explainVerification(result) }));
    } else {
      out(result.line);
      out('');
      out(explainVerification(result));
    }
    return result.status === 'OK' ? EXIT.ok : EXIT.invalid;
  },
};
