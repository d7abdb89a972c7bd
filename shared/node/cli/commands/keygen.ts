import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { createKeyFile } from '../../../audit/signing';
import { EXIT, UsageError, err, out, parseCommandArgs, type Command } from '../command';

const usage = `usage: truceline keygen --out <file> [--json]

Makes a new Ed25519 key pair for signing exported logs (exercise --key) and
writes it to <file> (created with mode 0600: it holds the private key, as
PKCS#8 in base64, next to the public key). Refuses to overwrite a file.
Prints the public key (base64, as it appears in a log's signature.public_key)
and the key id (first 16 hex characters of SHA-256 of the public key): give
the public key to auditors so they can run verify --public-key.

options:
  --out <file>   the key file to create (required)
  --json         print {"key_id", "public_key", "file"} instead

exit codes: 0 written, 1 the file exists or cannot be written, 2 usage error`;

export const command: Command = {
  name: 'keygen',
  summary: 'make an Ed25519 key file',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { out: { type: 'string' }, json: { type: 'boolean' } },
      false,
    );
    if (positionals.length > 0) throw new UsageError('keygen takes no positional argument');
    if (!values.out) throw new UsageError('--out <file> is required');
    const key = await createKeyFile();
    let fd: number;
    try {
      // 'wx': never overwrite (a lost private key cannot be recovered); 0600: owner only.
      fd = openSync(values.out, 'wx', 0o600);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      err(
        `${values.out}: ${code === 'EEXIST' ? 'already exists; not overwritten' : `cannot create (${code ?? (error as Error).message})`}`,
      );
      return EXIT.invalid;
    }
    try {
      writeSync(fd, key.text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (values.json) {
      out(JSON.stringify({ key_id: key.keyId, public_key: key.publicKeyBase64, file: values.out }));
    } else {
      out(`public key: ${key.publicKeyBase64}`);
      out(`key id: ${key.keyId}`);
      out(`wrote ${values.out} (private key: keep it secret)`);
    }
    return EXIT.ok;
  },
};
