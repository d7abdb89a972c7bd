// A party seat's requests (docs/ROOMS.md, "A party's inbox"): what the
// mission asks of the parties this seat plays, with deadlines, and the
// party's moves — take the party over from the script, acknowledge, reply,
// request a meeting, consent to a visit, attend, propose and accept measures.
// Each control sends one intent; the host's engine decides, and a refusal is
// shown where the control is.
import { useState } from 'react';
import type { InboxParty, InboxRequest, PartyInbox } from '../../../shared/room/party-inbox';
import type { RoomIntent } from '../../../shared/room/room-intents';
import { REPLY_KINDS, type PartyMove } from '../../../shared/protocol/schema';
import { formatLogTime } from '../log/log-time-format';
import { noteRefusal } from './NoteComposer';
import {
  ackIntent,
  moveForm,
  moveIntent,
  moveLabel,
  whyNotActing,
  type ReplyKind,
} from './party-moves';
import type { SeatSession } from './seat-session';

interface Props {
  session: SeatSession;
  inbox: PartyInbox | null;
  seatName: string;
  readOnly: boolean;
}

export function PartyRequests({ session, inbox, seatName, readOnly }: Props) {
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (intent: RoomIntent, done: string) => {
    setBusy(true);
    try {
      await session.send(intent);
      setOutcome({ ok: true, text: done });
    } catch (error) {
      setOutcome({ ok: false, text: noteRefusal(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section
      className="party-requests"
      aria-labelledby="requests-title"
      data-testid="party-requests"
    >
      <h2 id="requests-title">Requests to your parties</h2>
      {inbox === null ? (
        <p className="muted">Waiting for the host…</p>
      ) : inbox.parties.length === 0 ? (
        <p className="muted">No requests: this exercise has no parallel tracks (protocol v1).</p>
      ) : (
        inbox.parties.map((party) => (
          <PartyBlock
            key={party.partyId}
            party={party}
            why={whyNotActing(party, seatName, readOnly)}
            busy={busy}
            send={send}
            readOnly={readOnly}
          />
        ))
      )}
      {outcome ? (
        <p
          role={outcome.ok ? 'status' : 'alert'}
          className={outcome.ok ? 'note-ok' : 'join-problem'}
        >
          {outcome.text}
        </p>
      ) : null}
    </section>
  );
}

function PartyBlock({
  party,
  why,
  busy,
  send,
  readOnly,
}: {
  party: InboxParty;
  why: string | null;
  busy: boolean;
  send: (intent: RoomIntent, done: string) => Promise<void>;
  readOnly: boolean;
}) {
  return (
    <div className="party-block" data-party={party.partyId}>
      <h3>
        {party.partyName}{' '}
        <span className="muted">· played by {party.takenOverBy ?? 'the exercise script'}</span>
      </h3>
      {party.takenOverBy === null ? (
        <button
          type="button"
          disabled={busy || readOnly}
          title={readOnly ? 'read-only: this seat is not connected to the room' : undefined}
          onClick={() =>
            void send(
              { kind: 'take-over', party: party.partyId },
              `You now play ${party.partyName}.`,
            )
          }
        >
          Play {party.partyName} yourself
        </button>
      ) : null}
      {party.requests.length === 0 ? (
        <p className="muted">Nothing asked of {party.partyName} now.</p>
      ) : (
        <ol className="request-list">
          {party.requests.map((request) => (
            <RequestItem
              key={`${request.alertId} ${request.track}`}
              party={party}
              request={request}
              why={why}
              busy={busy}
              send={send}
            />
          ))}
        </ol>
      )}
    </div>
  );
}

function RequestItem({
  party,
  request,
  why,
  busy,
  send,
}: {
  party: InboxParty;
  request: InboxRequest;
  why: string | null;
  busy: boolean;
  send: (intent: RoomIntent, done: string) => Promise<void>;
}) {
  const [open, setOpen] = useState<PartyMove | null>(null);
  const [kind, setKind] = useState<ReplyKind>('denies');
  const [text, setText] = useState('');
  const disabled = busy || why !== null;
  const form = open ? moveForm(open) : null;
  return (
    <li className="request-item" data-alert-id={request.alertId} data-track={request.track}>
      <div className="request-head">
        <strong>{request.alertTitle}</strong>
        <span className="muted">
          {request.trackTitle} · {request.stepTitle}
        </span>
        <span className="mono" data-testid="request-deadline">
          {request.deadlineAt === null
            ? 'no deadline'
            : `due ${formatLogTime(new Date(request.deadlineAt).toISOString(), 'UTC')}`}
        </span>
      </div>
      <div className="request-moves">
        {request.ackDue ? (
          <button
            type="button"
            disabled={disabled}
            title={why ?? undefined}
            onClick={() =>
              void send(ackIntent(party, request, 'hotline'), `${party.partyName} acknowledged.`)
            }
          >
            Acknowledge
          </button>
        ) : null}
        {request.moves.map((move) => (
          <button
            key={move}
            type="button"
            disabled={disabled}
            title={why ?? undefined}
            aria-pressed={open === move}
            onClick={() => {
              if (moveForm(move).kind === 'none') {
                void send(moveIntent(party, request, move, {}), `${moveLabel(move)}: sent.`);
              } else setOpen(open === move ? null : move);
            }}
          >
            {moveLabel(move)}
            {moveForm(move).kind === 'none' ? '' : '…'}
          </button>
        ))}
      </div>
      {why !== null ? <p className="muted request-why">{why}</p> : null}
      {open && form && form.kind !== 'none' ? (
        <form
          className="request-form"
          onSubmit={(event) => {
            event.preventDefault();
            void send(
              moveIntent(party, request, open, { kind, text }),
              `${moveLabel(open)}: sent.`,
            ).then(() => {
              setOpen(null);
              setText('');
            });
          }}
        >
          {form.kind === 'reply' ? (
            <label>
              The reply
              <select value={kind} onChange={(e) => setKind(e.target.value as ReplyKind)}>
                {REPLY_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label>
            {form.kind === 'reply' ? 'In your words' : form.label}
            <textarea
              rows={3}
              maxLength={4000}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </label>
          <button type="submit" className="primary" disabled={disabled || text.trim() === ''}>
            Send {moveLabel(open).toLowerCase()}
          </button>
        </form>
      ) : null}
    </li>
  );
}
