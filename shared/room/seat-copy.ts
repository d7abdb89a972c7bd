// A seat's copy as a browser keeps it between runs (docs/ROOMS.md, "A seat in
// the browser"): what RoomSeat.saved() returns, with the join code the seat
// dials again with. Read back, it is checked before it is used — its shape
// here, its chain with seat-chain's copyFailure — so a copy altered or cut
// short on disk is reported by name and never shown as verified.
import { z } from 'zod';
import { LogEntry } from '../audit/entry';
import { parseJoinCode } from './join-code';
import { SeatId, describeParseError } from './room-messages';
import type { SeatSaved } from './room-seat';
import { scenarioViewMatches, type ScenarioView } from './scenario-view';
import { copyFailure } from './seat-chain';
import { RedactedEntry, SeatAssignment } from './seat-roles';

export const SeatSavedSchema = z.strictObject({
  seatId: SeatId,
  name: z.string().min(1),
  request: SeatAssignment,
  token: z.string().nullable(),
  exerciseId: z.string().min(1).nullable(),
  assignment: SeatAssignment.nullable(),
  entries: z.array(z.union([LogEntry, RedactedEntry])),
  scenario: z
    .strictObject({ hash: z.string().regex(/^[0-9a-f]{64}$/), view: z.unknown() })
    .nullable(),
});

export const StoredSeatCopySchema = z.strictObject({
  seatId: SeatId,
  /** The join code as the person typed it: the seat needs it to dial again. */
  code: z.string().min(1),
  saved: SeatSavedSchema,
  /** Wall time of the last save. */
  updated: z.string(),
});
export type StoredSeatCopy = z.infer<typeof StoredSeatCopySchema> & { saved: SeatSaved };

export type CopyCheck =
  { ok: true; copy: StoredSeatCopy } | { ok: false; seatId: string; name: string; reason: string };

/** Checks a copy read back from storage: its shape, its code, its scenario copy's hash and its chain. */
export function checkStoredCopy(value: unknown): CopyCheck {
  const record = value as { seatId?: unknown; saved?: { name?: unknown } } | null;
  const seatId = typeof record?.seatId === 'string' ? record.seatId : '(unknown seat)';
  const name = typeof record?.saved?.name === 'string' ? record.saved.name : '(unnamed)';
  const broken = (reason: string): CopyCheck => ({ ok: false, seatId, name, reason });
  const parsed = StoredSeatCopySchema.safeParse(value);
  if (!parsed.success) return broken(describeParseError(parsed.error, 'stored copy'));
  const copy = parsed.data as StoredSeatCopy;
  if (copy.saved.seatId !== copy.seatId) {
    return broken(`it is stored under seat ${copy.seatId} but holds seat ${copy.saved.seatId}`);
  }
  try {
    parseJoinCode(copy.code);
  } catch (error) {
    return broken(`its join code: ${(error as Error).message}`);
  }
  const scenario = copy.saved.scenario;
  if (scenario && !scenarioViewMatches(scenario.view, scenario.hash)) {
    return broken('its scenario copy does not hash to the hash kept with it');
  }
  copy.saved.scenario = scenario
    ? { hash: scenario.hash, view: scenario.view as ScenarioView }
    : null;
  const failure = copyFailure(copy.saved.entries, copy.saved.exerciseId);
  if (failure) return broken(failure);
  return { ok: true, copy };
}
