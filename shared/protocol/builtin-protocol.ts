import builtinDocument from './builtin-protocol.json';
import { loadProtocolOrThrow, type Protocol } from './load-protocol';

/** The built-in emergency-consultation protocol (docs/ESCALATION-PROTOCOL.md), linted. */
export const BUILTIN_PROTOCOL: Protocol = loadProtocolOrThrow(
  builtinDocument,
  'builtin-protocol.json',
);
