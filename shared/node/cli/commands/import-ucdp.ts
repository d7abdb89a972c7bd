import { readFileSync, writeFileSync } from 'node:fs';
import {
  UcdpImportError,
  formatUcdpRejection,
  formatUcdpWarning,
  importUcdpGed,
} from '../../../ucdp/import-ucdp-ged';
import { EXIT, UsageError, err, out, parseCommandArgs, type Command } from '../command';

const usage = `usage: truceline import-ucdp <csv> --out <file.ndjson>

Converts a UCDP Georeferenced Event Dataset (GED) CSV export into an NDJSON
feed (one event a line, sorted by time then id). Every row is either written
as an event or reported on stderr with its line and the reason it was
rejected; warnings (non-UTF-8 bytes read as Windows-1252, deaths out of
order, unknown precision codes) also go to stderr. stdout ends with
  rows read: R, events written: W, rows rejected: J
The mapping is documented in docs/UCDP-IMPORT.md. Data: Uppsala Conflict
Data Program (UCDP), CC BY 4.0.

options:
  --out <file>   the NDJSON feed to write (required)

exit codes: 0 written (even with some rows rejected), 1 the file cannot be
read, is not a GED export or yields no event, 2 usage error`;

export const command: Command = {
  name: 'import-ucdp',
  summary: 'convert a UCDP GED CSV export into an NDJSON feed',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, { out: { type: 'string' } });
    if (positionals.length !== 1) throw new UsageError('expected exactly one CSV file');
    if (!values.out) throw new UsageError('--out <file.ndjson> is required');
    const input = positionals[0]!;

    let bytes: Uint8Array;
    try {
      bytes = readFileSync(input);
    } catch (error) {
      err(
        `${input}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
      return EXIT.invalid;
    }

    let result;
    try {
      result = importUcdpGed(bytes);
    } catch (error) {
      if (error instanceof UcdpImportError) {
        err(`${input}: ${error.message}`);
        return EXIT.invalid;
      }
      throw error;
    }

    for (const warning of result.warnings) err(formatUcdpWarning(input, warning));
    for (const rejection of result.rejections) err(formatUcdpRejection(input, rejection));

    const { rowsRead, eventsWritten, rowsRejected } = result.counts;
    if (eventsWritten === 0) {
      err(`${input}: no row could be imported; ${values.out} not written`);
      out(`rows read: ${rowsRead}, events written: 0, rows rejected: ${rowsRejected}`);
      return EXIT.invalid;
    }
    writeFileSync(values.out, result.events.map((event) => `${JSON.stringify(event)}\n`).join(''));
    out(`encoding: ${result.encoding}`);
    out(`wrote ${values.out}`);
    out(`rows read: ${rowsRead}, events written: ${eventsWritten}, rows rejected: ${rowsRejected}`);
    return EXIT.ok;
  },
};
