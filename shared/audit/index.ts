// The audit module's public surface (docs/AUDIT-LOG.md).
export { canonicalJson, CanonicalJsonError } from './jcs';
export { base64ToBytes, bytesToBase64 } from './base64';
export {
  GENESIS_HASH,
  ROLES,
  KNOWN_KINDS,
  EntryDraft,
  LogEntry,
  EntryError,
  computeEntryHash,
  sealEntry,
  sealBatch,
  type Role,
  type KnownKind,
  type SealPosition,
} from './entry';
export { findChainFailure, readLogEntries, LogChainError, type ChainFailure } from './chain';
export {
  generateSigningKey,
  exportPublicKeyRaw,
  exportPublicKeyBase64,
  keyIdOf,
  signBytes,
  verifySignature,
  signerFromKeyPair,
  createKeyFile,
  signerFromKeyFile,
  KeyFile,
  SigningKeyError,
  type LogSigner,
  type WebCryptoKey,
  type WebCryptoKeyPair,
} from './signing';
export {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  ExerciseMeta,
  ExportBundle,
  BundleHead,
  BundleSignature,
  BundleError,
  buildExportBundle,
  readExportBundle,
  signedPayloadBytes,
} from './bundle';
export {
  verifyLogBundle,
  verifyLogText,
  unknownBundleMembers,
  type VerifiedLogText,
  type VerificationResult,
  type VerificationStatus,
  type VerifyOptions,
} from './verify';
export { explainVerification } from './explain';
export { readExportedLog, ExportedLogRefused, type ExportedLog } from './read-exported-log';
export { summarizeEntry } from './summary';
export {
  csvCell,
  logToCsv,
  alertsToCsv,
  LOG_CSV_COLUMNS,
  ALERTS_CSV_COLUMNS,
  type AlertCsvRow,
} from './csv';
export { EMPTY_HEAD, commitThenApply, type AuditLogWriter, type LogHead } from './writer';
export { MemoryAuditLog, type MemoryAuditLogOptions } from './memory-log';
