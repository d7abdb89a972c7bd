// Reading an exported log in order to use it (the after-action report):
// strictly, verified first, and typed from the very value that was verified.
// The CLI's `report` and the app's Report screen both read through here, so
// they accept exactly the logs that verify accepts as intact (OK or
// UNSIGNED), and refuse the rest in one line.
import { BundleError, readExportBundle, type ExportBundle } from './bundle';
import { verifyLogText, type VerificationResult, type VerifyOptions } from './verify';

/** Raised when an exported log cannot be used; the message is one line saying why. */
export class ExportedLogRefused extends Error {
  override name = 'ExportedLogRefused';
  constructor(
    message: string,
    /** The verification verdict, when the log got that far. */
    readonly result: VerificationResult,
  ) {
    super(message);
  }
}

/** An exported log that verified as intact (OK or UNSIGNED), typed. */
export interface ExportedLog {
  result: VerificationResult;
  bundle: ExportBundle;
}

/** Reads and verifies an exported log's bytes or text; throws ExportedLogRefused for a tampered, invalid or unreadable one. */
export async function readExportedLog(
  input: string | Uint8Array,
  options: VerifyOptions = {},
): Promise<ExportedLog> {
  const { result, value } = await verifyLogText(input, options);
  if (result.status !== 'OK' && result.status !== 'UNSIGNED') {
    throw new ExportedLogRefused(result.line, result);
  }
  try {
    return { result, bundle: readExportBundle(value) };
  } catch (error) {
    if (!(error instanceof BundleError)) throw error;
    // Verification vouches for the chain, not for entries this version can read.
    throw new ExportedLogRefused(
      `the log verifies (${result.status}) but this version cannot read it: ${error.message}`,
      result,
    );
  }
}
