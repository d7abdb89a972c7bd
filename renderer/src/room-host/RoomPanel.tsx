// The controller's Room panel (docs/ROOMS.md, "The host's screen"): open or
// close the exercise's room; the join code in text and as a QR image of the
// seats' page; joins waiting, each approved with the role the controller
// fixes or declined; the seats with their role, connection and lag; and the
// connection log's last records. The room runs next to the engine; this
// panel only shows its status and sends the controller's commands.
import { useMemo, useState, useSyncExternalStore } from 'react';
import type { ConnectionLogRecord, JoinRequest } from '../../../shared/room/room-host';
import type { RoomStatus } from '../../../shared/room/room-hosting';
import type { SeatAssignment } from '../../../shared/room/seat-roles';
import type { Party } from '../../../shared/scenario/schema';
import { usePending } from '../protocol/ProtocolWalkthrough';
import { joinPageAddress } from './join-address';
import { qrImage } from './qr-image';
import type { RoomSession } from './room-session';
import './room-panel.css';

export interface RoomPanelProps {
  room: RoomSession;
  parties: readonly Party[];
  classification: string;
}

const ROLE_LABEL: Record<SeatAssignment['role'], string> = {
  operator: 'Operator',
  controller: 'Controller',
  evaluator: 'Evaluator',
  observer: 'Observer (projector)',
  party: 'Party liaison',
};

/** A role choice as one select value: the role, or `party:<id,id>`. */
function choiceOf(a: SeatAssignment): string {
  return a.role === 'party' ? `party:${a.parties.join(',')}` : a.role;
}

function assignmentOf(choice: string): SeatAssignment {
  if (choice.startsWith('party:')) {
    return { role: 'party', parties: choice.slice('party:'.length).split(',') };
  }
  return { role: choice as Exclude<SeatAssignment['role'], 'party'> };
}

function describeAssignment(a: SeatAssignment, parties: readonly Party[]): string {
  if (a.role !== 'party') return ROLE_LABEL[a.role];
  const names = a.parties.map((id) => parties.find((p) => p.id === id)?.name ?? id);
  return `${ROLE_LABEL.party}: ${names.join(', ')}`;
}

function wallTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleTimeString([], { hour12: false });
}

export function RoomPanel({ room, parties, classification }: RoomPanelProps) {
  const status = useSyncExternalStore(room.subscribe, room.getStatus);
  const { pending, error, run } = usePending();
  return (
    <section className="room-panel" aria-labelledby="room-heading" data-testid="room-panel">
      <div className="room-head">
        <h2 id="room-heading">Room</h2>
        <span className="room-state" data-testid="room-state" data-state={status.state}>
          {status.state === 'open' ? 'Open' : status.state === 'opening' ? 'Opening…' : 'Closed'}
        </span>
        <span className="plan-mark" title={classification}>
          EXERCISE — controller only
        </span>
      </div>
      {status.refusal !== null ? (
        <p className="room-problem" role="alert" data-testid="room-refusal">
          {status.refusal}
        </p>
      ) : (
        <>
          {status.problem !== null ? (
            <p className="room-problem" role="alert" data-testid="room-problem">
              {status.problem}
            </p>
          ) : null}
          {error !== null ? (
            <p className="room-problem" role="alert">
              {error}
            </p>
          ) : null}
          {status.state === 'open' ? (
            <OpenRoom status={status} parties={parties} room={room} pending={pending} run={run} />
          ) : (
            <ClosedRoom
              pending={pending}
              run={run}
              room={room}
              opening={status.state === 'opening'}
            />
          )}
        </>
      )}
    </section>
  );
}

type Run = ReturnType<typeof usePending>['run'];

function ClosedRoom(props: {
  room: RoomSession;
  pending: string | null;
  run: Run;
  opening: boolean;
}) {
  return (
    <div className="room-body">
      <p>
        A room lets others take part in this exercise from their own seats: operators, the
        parties&apos; liaison cells, a second controller, evaluators, a projector. This console
        stays the one that writes the log; you approve every seat and fix its role.
      </p>
      <p className="muted">
        In the browser, the room&apos;s listener is this page&apos;s server: start it with{' '}
        <code>npm run web -- --room</code>, and choose where seats dial with{' '}
        <code>--room-host &lt;interface&gt;</code> (this computer only by default) and{' '}
        <code>--room-port &lt;port&gt;</code>.
      </p>
      <button
        type="button"
        className="primary"
        disabled={props.pending !== null || props.opening}
        onClick={() => void props.run('open', () => props.room.open())}
      >
        {props.opening ? 'Opening the room…' : 'Open room'}
      </button>
    </div>
  );
}

function OpenRoom(props: {
  status: RoomStatus;
  parties: readonly Party[];
  room: RoomSession;
  pending: string | null;
  run: Run;
}) {
  const { status, room, run, pending } = props;
  const [confirmClose, setConfirmClose] = useState(false);
  const nameOf = (seat: string | null) =>
    seat === null
      ? '—'
      : (status.seats.find((s) => s.seatId === seat)?.name ??
        status.pending.find((p) => p.seatId === seat)?.name ??
        `seat ${seat.slice(0, 6)}`);
  return (
    <div className="room-body room-open">
      <div className="room-join">
        <JoinCode code={status.code ?? ''} seatsUrl={status.seatsUrl} />
        <div className="room-close">
          {confirmClose ? (
            <>
              <span>Close the room? Every seat keeps its copy, read-only.</span>{' '}
              <button
                type="button"
                className="danger"
                disabled={pending !== null}
                onClick={() => void run('close', () => room.close())}
              >
                Close the room
              </button>{' '}
              <button type="button" onClick={() => setConfirmClose(false)}>
                Keep it open
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setConfirmClose(true)}>
              Close room…
            </button>
          )}
        </div>
      </div>
      {/* Joins waiting come first while there are any: someone is waiting on the controller. */}
      <div className="room-waiting" data-waiting={status.pending.length > 0}>
        <h3>Waiting to join ({status.pending.length})</h3>
        {status.pending.length === 0 ? (
          <p className="muted">Nobody is waiting.</p>
        ) : (
          <ul className="room-pending" data-testid="room-pending">
            {status.pending.map((join) => (
              <PendingJoin
                key={join.seatId}
                join={join}
                parties={props.parties}
                busy={pending !== null}
                onApprove={(a) =>
                  void run(`approve ${join.seatId}`, () => room.approve(join.seatId, a))
                }
                onDecline={() =>
                  void run(`decline ${join.seatId}`, () => room.decline(join.seatId))
                }
              />
            ))}
          </ul>
        )}
      </div>
      {/* Once seats are in, they come before the code (which no longer changes). */}
      <div className="room-people" data-seated={status.seats.length > 0}>
        <h3>Seats ({status.seats.length})</h3>
        {status.seats.length === 0 ? (
          <p className="muted">No seat yet.</p>
        ) : (
          <table className="room-seats" data-testid="room-seats">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Connection</th>
                <th
                  scope="col"
                  title="Entries of the log it has not been sent yet (behind the head)"
                >
                  Lag
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {status.seats.map((seat) => (
                <tr key={seat.seatId} data-seat-name={seat.name}>
                  <th scope="row">{seat.name}</th>
                  <td>{describeAssignment(seat.assignment, props.parties)}</td>
                  <td
                    data-testid="seat-connection"
                    className={seat.connected ? 'room-on' : 'room-off'}
                  >
                    {seat.connected ? 'connected' : 'offline'}
                  </td>
                  <td data-testid="seat-lag">
                    {seat.lag === null
                      ? '—'
                      : `${seat.lag} ${seat.lag === 1 ? 'entry' : 'entries'}`}
                  </td>
                  <td>
                    <button
                      type="button"
                      disabled={pending !== null}
                      aria-label={`Remove ${seat.name} from the room`}
                      onClick={() =>
                        void run(`remove ${seat.seatId}`, () => room.remove(seat.seatId))
                      }
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="muted room-head-note">Log head: entry {status.head}.</p>
      </div>
      <div className="room-connections">
        <h3>Connection log</h3>
        <ConnectionLog records={status.log} nameOf={nameOf} />
      </div>
    </div>
  );
}

function JoinCode({ code, seatsUrl }: { code: string; seatsUrl: string | null }) {
  const [copied, setCopied] = useState<string | null>(null);
  const page = useMemo(() => {
    if (seatsUrl === null) return null;
    try {
      return joinPageAddress(seatsUrl, code);
    } catch {
      return null;
    }
  }, [seatsUrl, code]);
  const image = useMemo(() => (page === null ? null : qrImage(page)), [page]);
  const copy = (what: string, text: string) => {
    navigator.clipboard.writeText(text).then(
      () => setCopied(`${what} copied`),
      () => setCopied(`${what} could not be copied: select it and copy by hand`),
    );
  };
  return (
    <div className="room-code-block">
      <div className="room-code-text">
        <h3 id="room-code-label">Join code</h3>
        <p className="room-code" data-testid="room-code" aria-labelledby="room-code-label">
          {code.split('-').map((group, i) => (
            <span key={i}>{group}</span>
          ))}
        </p>
        <button type="button" onClick={() => copy('Code', code)}>
          Copy code
        </button>
        {copied !== null ? (
          <span className="muted room-copied" role="status">
            {' '}
            {copied}
          </span>
        ) : null}
        <h3>Seats open</h3>
        {page === null ? (
          <p className="muted">Waiting for the room&apos;s listener to say where seats dial…</p>
        ) : (
          <>
            <p className="room-address">
              <a href={page} data-testid="room-join-page" target="_blank" rel="noreferrer">
                {page}
              </a>{' '}
              <button type="button" onClick={() => copy('Address', page)}>
                Copy address
              </button>
            </p>
            <p className="muted room-address">
              Seats dial <code data-testid="room-seats-url">{seatsUrl}</code>
            </p>
          </>
        )}
      </div>
      {image !== null ? (
        <svg
          className="room-qr"
          viewBox={`0 0 ${image.size} ${image.size}`}
          role="img"
          aria-label="QR code of the seats' page with the join code"
          data-testid="room-qr"
          shapeRendering="crispEdges"
        >
          <rect width={image.size} height={image.size} fill="#fff" />
          <path d={image.path} fill="#000" />
        </svg>
      ) : null}
    </div>
  );
}

function PendingJoin(props: {
  join: JoinRequest;
  parties: readonly Party[];
  busy: boolean;
  onApprove: (assignment: SeatAssignment) => void;
  onDecline: () => void;
}) {
  const { join, parties } = props;
  const [choice, setChoice] = useState(() => choiceOf(join.request));
  const sides = parties.filter((p) => p.role === 'party');
  const options: { value: string; label: string }[] = [
    ...(['operator', 'controller', 'evaluator', 'observer'] as const).map((r) => ({
      value: r,
      label: ROLE_LABEL[r],
    })),
    ...sides.map((p) => ({ value: `party:${p.id}`, label: `${ROLE_LABEL.party}: ${p.name}` })),
    ...(sides.length > 1
      ? [
          {
            value: `party:${sides.map((p) => p.id).join(',')}`,
            label: `SimCell: all ${sides.length} parties`,
          },
        ]
      : []),
  ];
  // A party seat asking for a combination the list lacks keeps it as asked.
  if (!options.some((o) => o.value === choiceOf(join.request))) {
    options.push({
      value: choiceOf(join.request),
      label: describeAssignment(join.request, parties),
    });
  }
  const selectId = `room-role-${join.seatId}`;
  return (
    <li className="room-join-request" data-join-name={join.name}>
      <div>
        <strong>{join.name}</strong>{' '}
        <span className="muted">
          asks for {describeAssignment(join.request, parties)} · from {join.remote}
        </span>
      </div>
      <div className="room-join-actions">
        <label htmlFor={selectId}>Role</label>
        <select id={selectId} value={choice} onChange={(e) => setChoice(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="primary"
          disabled={props.busy}
          onClick={() => props.onApprove(assignmentOf(choice))}
        >
          Approve
        </button>
        <button type="button" disabled={props.busy} onClick={props.onDecline}>
          Decline
        </button>
      </div>
    </li>
  );
}

function ConnectionLog(props: {
  records: readonly ConnectionLogRecord[];
  nameOf: (seat: string | null) => string;
}) {
  if (props.records.length === 0) return <p className="muted">Nothing yet.</p>;
  return (
    <table className="room-log" data-testid="room-log">
      <thead>
        <tr>
          <th scope="col">Wall time</th>
          <th scope="col">Seat</th>
          <th scope="col">What</th>
          <th scope="col">From</th>
        </tr>
      </thead>
      <tbody>
        {[...props.records].reverse().map((r, i) => (
          <tr key={`${r.at}-${i}`} className={`room-log-${r.event}`}>
            <td>{wallTime(r.at)}</td>
            <td>{props.nameOf(r.seat)}</td>
            <td>
              {r.event}: {r.reason}
            </td>
            <td>{r.remote}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
