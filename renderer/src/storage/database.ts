// The app's IndexedDB database (Dexie 4): exercises, their audit logs,
// imported scenarios, the installation key and settings. Opened with strict
// durability: Chromium's default (relaxed, since 121) may lose a committed
// log entry on power loss, and an action is applied only once its entry is
// committed.
import Dexie, { type Table } from 'dexie';
import type { ExerciseMeta, LogEntry, WebCryptoKeyPair } from '../../../shared/audit';
import type { StoredSeatCopy } from '../../../shared/room/seat-copy';
import type { RoomState } from '../../../shared/room/room-state';
import { requestPersistentStorage } from './persistence';
import { toStorageFailure } from './storage-failure';

/** Default database name; tests pass their own. */
export const DATABASE_NAME = 'truceline';

/** An exercise as the Library lists it: the bundle's exercise metadata plus its state. */
export interface ExerciseRecord extends ExerciseMeta {
  status: 'active' | 'ended';
  /** Wall time of the last change to this record (v2). */
  updated: string;
}

/** An imported scenario: its files as imported, and what the Library shows without loading it. */
export interface StoredScenario {
  /** The scenario's content hash (docs/SCENARIO-FORMAT.md); the key. */
  hash: string;
  scenario_id: string;
  title: string;
  classification: string;
  span: { start: string; end: string };
  counts: { events: number; zones: number; feeds: number };
  /**
   * The files as imported, as Blobs: IndexedDB keeps a Blob by reference, so
   * storing one does not clone its bytes on the UI thread, nor does listing
   * scenarios read them. Scenarios stored by earlier versions hold Uint8Arrays.
   */
  files: { path: string; bytes: Blob | Uint8Array }[];
  imported: string;
}

export interface StoredKey {
  id: string;
  /** The private key is non-extractable; IndexedDB stores the CryptoKey itself. */
  keyPair: WebCryptoKeyPair;
  keyId: string;
  publicKeyBase64: string;
  created: string;
}

/**
 * The room an exercise hosts (docs/ROOMS.md, "The host's screen"): present
 * while the room is open, so the exercise's resume reopens it with the same
 * code and seats; removed when the controller closes it.
 */
export interface StoredRoomState {
  exercise_id: string;
  state: RoomState;
  /** Wall time of the last save. */
  updated: string;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/**
 * Schema history. Never edit a published version: add one, with an upgrade
 * that keeps every log entry (entries are hashed, so upgrades never touch them).
 */
export const STORES_V1 = {
  exercises: 'id, created',
  // The compound primary key is the unique [exercise_id+seq] index: a second
  // entry with the same seq (a forked chain) cannot be stored.
  log: '[exercise_id+seq]',
  scenarios: 'hash, scenario_id, imported',
  keys: 'id',
  settings: 'key',
} as const;

/** v2: exercises get `updated` (for "recent first"); the log gets an index for an alert's history. */
export const STORES_V2 = {
  ...STORES_V1,
  exercises: 'id, created, updated',
  log: '[exercise_id+seq], [exercise_id+alert_id]',
} as const;

/**
 * v3: rooms (docs/ROOMS.md): the room an exercise hosts, by exercise id, and
 * a seat's verified copy of a room's log, by seat id.
 */
export const STORES_V3 = {
  ...STORES_V2,
  roomStates: 'exercise_id',
  seatCopies: 'seatId, updated',
} as const;

export const SCHEMA_VERSION = 3;

export class TrucelineDatabase extends Dexie {
  exercises!: Table<ExerciseRecord, string>;
  log!: Table<LogEntry, [string, number]>;
  scenarios!: Table<StoredScenario, string>;
  keys!: Table<StoredKey, string>;
  settings!: Table<SettingRecord, string>;
  roomStates!: Table<StoredRoomState, string>;
  /** Unchecked as read: seat-copy-store checks each record before it is used. */
  seatCopies!: Table<StoredSeatCopy, string>;

  constructor(name = DATABASE_NAME) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores(STORES_V1);
    this.version(2)
      .stores(STORES_V2)
      .upgrade(async (tx) => {
        await tx
          .table('exercises')
          .toCollection()
          .modify((exercise: Partial<ExerciseRecord>) => {
            exercise.updated ??= exercise.created ?? new Date(0).toISOString();
          });
      });
    this.version(3).stores(STORES_V3);
  }
}

/**
 * Opens (creating or upgrading) the database, after asking the browser for
 * persistent storage so that it never evicts exercise logs under disk pressure.
 */
export async function openTrucelineDatabase(
  name = DATABASE_NAME,
): Promise<
  TrucelineDatabase & { persistence: Awaited<ReturnType<typeof requestPersistentStorage>> }
> {
  const persistence = await requestPersistentStorage();
  const db = new TrucelineDatabase(name);
  try {
    await db.open();
  } catch (error) {
    throw toStorageFailure(error);
  }
  return Object.assign(db, { persistence });
}
