// Exercises, scenarios and settings records, and the export of an
// exercise's log as a signed bundle.
import {
  ExerciseMeta,
  buildExportBundle,
  type ExportBundle,
  type LogSigner,
} from '../../../shared/audit';
import type { ExerciseRecord, StoredScenario, TrucelineDatabase } from './database';
import { readStoredLog } from './dexie-audit-log';
import { toStorageFailure } from './storage-failure';

async function write<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toStorageFailure(error);
  }
}

/** Stores (or replaces) an exercise record. */
export function saveExercise(db: TrucelineDatabase, record: ExerciseRecord): Promise<string> {
  return write(() => db.exercises.put(record));
}

export function getExercise(
  db: TrucelineDatabase,
  id: string,
): Promise<ExerciseRecord | undefined> {
  return db.exercises.get(id);
}

/** Exercises, most recently changed first. */
export async function listExercises(db: TrucelineDatabase): Promise<ExerciseRecord[]> {
  return (await db.exercises.orderBy('updated').toArray()).reverse();
}

/** The export bundle of an exercise's whole log, signed when a signer is given. */
export async function exportExerciseLog(
  db: TrucelineDatabase,
  exerciseId: string,
  signer?: LogSigner,
): Promise<ExportBundle> {
  const record = await db.exercises.get(exerciseId);
  if (!record) throw new Error(`exercise "${exerciseId}" is not in this installation`);
  const exercise = ExerciseMeta.parse({
    id: record.id,
    title: record.title,
    classification: record.classification,
    scenario_id: record.scenario_id,
    scenario_hash: record.scenario_hash,
    scoring_hash: record.scoring_hash,
    protocol_hash: record.protocol_hash,
    created: record.created,
    app_version: record.app_version,
  });
  const entries = await readStoredLog(db, exerciseId);
  return buildExportBundle({ exercise, entries, ...(signer ? { signer } : {}) });
}

/** Stores an imported scenario (keyed by its content hash). */
export function saveScenario(db: TrucelineDatabase, scenario: StoredScenario): Promise<string> {
  return write(() => db.scenarios.put(scenario));
}

export function getScenario(
  db: TrucelineDatabase,
  hash: string,
): Promise<StoredScenario | undefined> {
  return db.scenarios.get(hash);
}

/** Imported scenarios without their file bytes, newest first. */
export async function listScenarios(
  db: TrucelineDatabase,
): Promise<Omit<StoredScenario, 'files'>[]> {
  const all = await db.scenarios.orderBy('imported').reverse().toArray();
  return all.map(({ files: _files, ...meta }) => meta);
}

export function deleteScenario(db: TrucelineDatabase, hash: string): Promise<void> {
  return write(() => db.scenarios.delete(hash));
}

export async function getSetting<T>(db: TrucelineDatabase, key: string, fallback: T): Promise<T> {
  const row = await db.settings.get(key);
  return row === undefined ? fallback : (row.value as T);
}

export function setSetting(db: TrucelineDatabase, key: string, value: unknown): Promise<string> {
  return write(() => db.settings.put({ key, value }));
}
