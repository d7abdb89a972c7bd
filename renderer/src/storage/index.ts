// The renderer's storage: Dexie databases and the IndexedDB audit log.
export {
  DATABASE_NAME,
  SCHEMA_VERSION,
  STORES_V1,
  STORES_V2,
  STORES_V3,
  TrucelineDatabase,
  openTrucelineDatabase,
  type ExerciseRecord,
  type SettingRecord,
  type StoredKey,
  type StoredRoomState,
  type StoredScenario,
} from './database';
export { DexieRoomStore } from './room-store';
export { DexieAuditLog, logLockName, readStoredLog, type OpenLogOptions } from './dexie-audit-log';
export { StorageFailure, toStorageFailure, type StorageFailureKind } from './storage-failure';
export { getOrCreateInstallationKey, type InstallationKey } from './installation-key';
export { requestPersistentStorage, storageEstimate } from './persistence';
export { acquireWebLock, hasWebLocks } from './web-lock';
export {
  deleteScenario,
  exportExerciseLog,
  getExercise,
  getScenario,
  getSetting,
  listExercises,
  listScenarios,
  saveExercise,
  saveScenario,
  setSetting,
} from './exercise-store';
export { deleteSeatCopy, listSeatCopies, readSeatCopy, saveSeatCopy } from './seat-copy-store';
