// The console's Messages: the controller's injects (a party's hotline call,
// a denial, a media report, the controller's own live injects) as the words
// the players hear, newest first, unread marked, rather than as anonymous
// INFO rows of the alert queue. An operator links a message to the selected
// alert (an engine intent, logged as `message-linked`); the engine refuses
// what it must and the refusal comes back as the console's message.
import { memo } from 'react';
import type { Message } from '../../../shared/exercise/messages';
import { formatExerciseTime } from '../replay/exercise-time-format';
import { usePanelOpen } from '../ui/window-height';
import './messages.css';

export interface MessagesPanelProps {
  /** Shown so far, newest first. */
  messages: readonly Message[];
  /** The alerts each message is linked to, by event id. */
  linkedTo: ReadonlyMap<string, readonly string[]>;
  readIds: ReadonlySet<string>;
  onRead(eventId: string): void;
  /** The alert selected in the queue, the target of "Link to". */
  selected: { id: string; title: string } | null;
  timezone: string;
  /** Why nothing may be linked (a read-only log), or null. */
  readOnly: string | null;
  onLink(eventId: string, alertId: string): Promise<void>;
  onSelectAlert(alertId: string): void;
}

/** Who sent a message, how and to whom, in one line ("Hotline · Party A liaison officer → Mission duty officer"). */
export function messageSender(m: Message): string {
  const who = [m.from, m.to].filter(Boolean).join(' → ');
  return [m.live ? 'Live inject' : m.method, who].filter(Boolean).join(' · ') || 'Controller';
}

/** Below 880 px of window height the list is folded (see usePanelOpen). */
const FOLDED_WHEN = '(max-height: 879px)';

export const MessagesPanel = memo(function MessagesPanel(props: MessagesPanelProps) {
  const { messages, linkedTo, readIds, selected } = props;
  // On a short window (1280×800) the list is folded, its unread count in view, so
  // the queue keeps its rows; one click (or Enter) unfolds it.
  const [open, setOpen] = usePanelOpen(FOLDED_WHEN);
  const unread = messages.reduce((n, m) => n + (readIds.has(m.eventId) ? 0 : 1), 0);
  return (
    <section className="messages-panel" aria-labelledby="messages-heading" data-testid="messages">
      <header className="panel-header">
        <h2 id="messages-heading">
          <button
            type="button"
            className="messages-toggle"
            aria-expanded={open}
            aria-controls="messages-list"
            onClick={() => setOpen(!open)}
          >
            {open ? '▾' : '▸'} Messages
          </button>
        </h2>
        <span className="panel-meta" data-testid="messages-count">
          {messages.length} · {unread} unread
        </span>
      </header>
      {open ? (
        <ol id="messages-list" className="messages-list" aria-label="Messages, newest first">
          {messages.length === 0 ? <li className="empty">No messages yet.</li> : null}
          {messages.map((m) => {
            const linked = linkedTo.get(m.eventId) ?? [];
            const isRead = readIds.has(m.eventId);
            const canLink =
              props.readOnly === null && selected !== null && !linked.includes(selected.id);
            return (
              <li
                key={m.eventId}
                className={`message${isRead ? '' : ' unread'}${m.live ? ' live' : ''}`}
                data-message-id={m.eventId}
                data-unread={!isRead}
                onClick={() => props.onRead(m.eventId)}
                onFocus={() => props.onRead(m.eventId)}
              >
                <div className="message-head">
                  {isRead ? null : (
                    <span className="message-unread" title="unread">
                      ● <span className="visually-hidden">unread</span>
                    </span>
                  )}
                  <time className="message-time" dateTime={new Date(m.at).toISOString()}>
                    {formatExerciseTime(m.at, props.timezone)}
                  </time>
                  <span className="message-sender">{messageSender(m)}</span>
                </div>
                {/* Plain text: an inject is always displayed as text, never as markup. */}
                <p className="message-text" title={m.text}>
                  {m.text || '(no text)'}
                </p>
                <div className="message-actions">
                  {linked.length > 0 ? (
                    <span className="message-linked">
                      Linked to{' '}
                      {linked.map((id, i) => (
                        <span key={id}>
                          {i > 0 ? ', ' : ''}
                          <button
                            type="button"
                            className="link"
                            onClick={() => props.onSelectAlert(id)}
                          >
                            {id}
                          </button>
                        </span>
                      ))}
                    </span>
                  ) : null}
                  <button
                    type="button"
                    className="message-link-button"
                    disabled={!canLink}
                    title={
                      props.readOnly !== null
                        ? `read-only: ${props.readOnly}`
                        : selected === null
                          ? 'Select an alert in the queue first'
                          : linked.includes(selected.id)
                            ? `Already linked to ${selected.id}`
                            : `Link this message to ${selected.id}: ${selected.title}`
                    }
                    onClick={() => {
                      props.onRead(m.eventId);
                      if (selected) void props.onLink(m.eventId, selected.id);
                    }}
                  >
                    {selected ? `Link to ${selected.id}` : 'Link to alert…'}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
});
