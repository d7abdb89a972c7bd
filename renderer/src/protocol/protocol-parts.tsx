// Pieces the two walkthroughs (protocol formats 1 and 2) and the SimCell
// panel share: the acknowledge / start head, the parties' acknowledgements,
// and one input of an action's form.
import { useState } from 'react';
import type { AlertView, ProtocolInput } from '../console/view-model';
import { formatExerciseTime } from '../replay/exercise-time-format';
import { INPUT_LABELS, type InputChoice } from './run-walkthrough-model';

/** Acknowledge the alert and start its protocol, then the last refusal, if any. */
export function ProtocolHead(props: {
  alert: AlertView;
  started: boolean;
  pending: string | null;
  error: string | null;
  run(key: string, intent: () => Promise<void>): Promise<void>;
  onAcknowledge(alertId: string): Promise<void>;
  onStart(alertId: string): Promise<void>;
}) {
  const { alert, pending, run } = props;
  return (
    <>
      <div className="protocol-head">
        {!alert.acknowledged ? (
          <button
            type="button"
            className="primary"
            disabled={pending !== null}
            aria-busy={pending === 'ack'}
            onClick={() => void run('ack', () => props.onAcknowledge(alert.id))}
          >
            {pending === 'ack' ? 'Acknowledging…' : 'Acknowledge alert (A)'}
          </button>
        ) : (
          <span className="done-mark">Alert acknowledged</span>
        )}
        {!props.started ? (
          <button
            type="button"
            disabled={pending !== null}
            aria-busy={pending === 'start'}
            onClick={() => void run('start', () => props.onStart(alert.id))}
          >
            {pending === 'start' ? 'Starting…' : 'Start protocol'}
          </button>
        ) : null}
      </div>
      {props.error ? (
        <p role="alert" className="error">
          Not recorded: {props.error}
        </p>
      ) : null}
    </>
  );
}

/** One party asked to acknowledge, with its acknowledgement once recorded. */
export interface AckRow {
  partyId: string;
  partyName: string;
  ack: { by: string; at: number; how: string } | null;
}

/** The parties' acknowledgements of a step: a box to tick with how each was reached. */
export function PartyAcks(props: {
  acks: readonly AckRow[];
  timezone: string;
  pending: string | null;
  /** The pending key of one party's acknowledgement. */
  keyOf(partyId: string): string;
  onAck(partyId: string, how: string): void;
}) {
  const [how, setHow] = useState<Record<string, string>>({});
  return (
    <fieldset className="party-acks">
      <legend>Party acknowledgements</legend>
      {props.acks.map((a) => {
        const key = props.keyOf(a.partyId);
        const text = how[a.partyId] ?? '';
        return (
          <div key={a.partyId} className="party-ack" data-party-id={a.partyId}>
            <label>
              <input
                type="checkbox"
                checked={a.ack !== null}
                aria-busy={props.pending === key}
                disabled={a.ack !== null || props.pending !== null || text.trim() === ''}
                onChange={() => props.onAck(a.partyId, text.trim())}
              />{' '}
              {a.partyName}
            </label>
            {a.ack ? (
              <span className="ack-record">
                by {a.ack.by}, {formatExerciseTime(a.ack.at, props.timezone)}, via {a.ack.how}
              </span>
            ) : (
              <input
                type="text"
                className="ack-how"
                aria-label={`How ${a.partyName} acknowledged`}
                placeholder="how? hotline, duty officer…"
                value={text}
                onChange={(e) => setHow({ ...how, [a.partyId]: e.target.value })}
              />
            )}
            {props.pending === key ? <span className="pending">recording…</span> : null}
          </div>
        );
      })}
    </fieldset>
  );
}

/** One required input of an action: a choice where its values are fixed, else free text. */
export function ActionInputField(props: {
  input: ProtocolInput;
  value: string;
  /** The values it may take (`inputChoices`), or null for free text. */
  choices: readonly InputChoice[] | null;
  /** The label, where a protocol names the input otherwise (default INPUT_LABELS). */
  label?: string;
  onChange(value: string): void;
}) {
  const { input, choices } = props;
  return (
    <label className="action-input">
      <span>{props.label ?? INPUT_LABELS[input]} (required)</span>
      {choices ? (
        <select name={input} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          <option value="">choose…</option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      ) : (
        <textarea
          name={input}
          rows={2}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </label>
  );
}
