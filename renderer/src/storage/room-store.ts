// Where the host keeps its room (shared/room/room-state.ts) in the app: one
// record per exercise in the `roomStates` table, written after every change
// the room makes (a seat approved or removed, an answer kept).
import type { RoomState } from '../../../shared/room/room-state';
import type { ClearableRoomStore } from '../../../shared/room/room-hosting';
import type { TrucelineDatabase } from './database';
import { toStorageFailure } from './storage-failure';

export class DexieRoomStore implements ClearableRoomStore {
  constructor(
    readonly db: TrucelineDatabase,
    readonly exerciseId: string,
  ) {}

  /** The stored state (checked by the room as it opens), or null when no room is open. */
  async load(): Promise<unknown> {
    try {
      const record = await this.db.roomStates.get(this.exerciseId);
      return record?.state ?? null;
    } catch (error) {
      throw toStorageFailure(error);
    }
  }

  async save(state: RoomState): Promise<void> {
    try {
      await this.db.roomStates.put({
        exercise_id: this.exerciseId,
        state,
        updated: new Date().toISOString(),
      });
    } catch (error) {
      throw toStorageFailure(error);
    }
  }

  /** The room was closed: a later one starts afresh (new code, no seats). */
  async clear(): Promise<void> {
    try {
      await this.db.roomStates.delete(this.exerciseId);
    } catch (error) {
      throw toStorageFailure(error);
    }
  }
}
