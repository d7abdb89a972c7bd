// A party seat's inbox: of what its role reads, what the mission and the
// other parties address to the parties — their moves and acknowledgements,
// and the report products the parties receive (docs/ROOMS.md, "What each role
// reads"). Built from the verified copy, so it shows nothing the log lacks.
import { summarizeEntry } from '../../../shared/audit';
import { readable, type SeatEntry } from '../../../shared/room/seat-roles';

const INBOX_KINDS: ReadonlySet<string> = new Set(['party-move', 'party-ack', 'report-product']);

export interface InboxItem {
  seq: number;
  time: string;
  kind: string;
  summary: string;
  /** The party the entry names, when it names one. */
  party: string | null;
  /** True when it concerns one of this seat's own parties. */
  own: boolean;
}

/** The inbox, newest first, at most `limit` items. */
export function partyInbox(
  entries: readonly SeatEntry[],
  parties: readonly string[],
  limit = 200,
): InboxItem[] {
  const items: InboxItem[] = [];
  for (let i = entries.length - 1; i >= 0 && items.length < limit; i--) {
    const entry = readable(entries[i]!);
    if (!entry || !INBOX_KINDS.has(entry.kind)) continue;
    const named = (entry.data as { party?: unknown }).party;
    const party = typeof named === 'string' ? named : null;
    items.push({
      seq: entry.seq,
      time: entry.exercise_time ?? entry.wall_time,
      kind: entry.kind,
      summary: summarizeEntry(entry),
      party,
      own: party !== null && parties.includes(party),
    });
  }
  return items;
}
