// The messages linked to an alert, in its detail: what each said, who sent
// it and when, in the order they were linked.
import type { Message } from '../../../shared/exercise/messages';
import { formatExerciseTime } from '../replay/exercise-time-format';
import { messageSender } from './MessagesPanel';

export function LinkedMessages({
  messageIds,
  messages,
  timezone,
}: {
  messageIds: readonly string[];
  /** Every message shown so far, to look the linked ones up by event id. */
  messages: readonly Message[];
  timezone: string;
}) {
  if (messageIds.length === 0) return null;
  const byId = new Map(messages.map((m) => [m.eventId, m] as const));
  return (
    <section aria-labelledby="linked-messages-heading" data-testid="linked-messages">
      <h3 id="linked-messages-heading">Messages ({messageIds.length})</h3>
      <ul className="linked-messages">
        {messageIds.map((id) => {
          const m = byId.get(id);
          return (
            <li key={id} data-message-id={id}>
              {m ? (
                <>
                  <span className="message-time">{formatExerciseTime(m.at, timezone)}</span>{' '}
                  <span className="message-sender">{messageSender(m)}</span>
                  <p className="message-text">{m.text || '(no text)'}</p>
                </>
              ) : (
                <span className="message-sender">{id}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
