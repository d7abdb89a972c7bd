import { useMemo } from 'react';
import type { SeatEntry } from '../../../shared/room/seat-roles';
import { formatLogTime } from '../log/log-time-format';
import { partyInbox } from './party-inbox';

/** A party seat's inbox, from its verified copy. */
export function PartyInbox({
  entries,
  parties,
}: {
  entries: readonly SeatEntry[];
  parties: readonly string[];
}) {
  const items = useMemo(() => partyInbox(entries, parties), [entries, parties]);
  return (
    <section className="party-inbox" aria-labelledby="inbox-title" data-testid="party-inbox">
      <h2 id="inbox-title">Inbox</h2>
      <p className="muted">
        Moves, acknowledgements and the reports addressed to the parties, newest first.
      </p>
      {items.length === 0 ? (
        <p className="muted">Nothing yet.</p>
      ) : (
        <ol className="inbox-list">
          {items.map((item) => (
            <li key={item.seq} className={item.own ? 'inbox-item inbox-own' : 'inbox-item'}>
              <span className="mono muted">
                #{item.seq} · {formatLogTime(item.time, 'UTC')}
              </span>
              <span>
                {item.own ? <strong>Your party {item.party}: </strong> : null}
                {item.summary}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
