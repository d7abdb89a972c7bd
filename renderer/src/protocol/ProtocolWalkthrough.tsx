// The escalation protocol for one alert: the current step, who must act, the
// deadline, allowed actions with their required inputs, party
// acknowledgements and the step history. Nothing shows as done until the
// engine reports its log entry committed; meanwhile the control is pending.
import { useState } from 'react';
import { DeadlineCountdown } from '../alerts/DeadlineCountdown';
import type { ActionInputs, AlertView, ProtocolActionView } from '../console/view-model';
import { formatExerciseTime } from '../replay/exercise-time-format';
import { ActionInputField, PartyAcks, ProtocolHead } from './protocol-parts';
import { inputChoices, missingInputs } from './run-walkthrough-model';
import './protocol.css';

export interface ProtocolWalkthroughProps {
  alert: AlertView;
  now: number;
  timezone: string;
  parties: readonly { id: string; name: string }[];
  onAcknowledge(alertId: string): Promise<void>;
  onStart(alertId: string): Promise<void>;
  onAct(alertId: string, actionId: string, inputs: ActionInputs): Promise<void>;
  onAckParty(alertId: string, partyId: string, how: string): Promise<void>;
  onJump(alertId: string): Promise<void>;
  onDismissJump(alertId: string): Promise<void>;
}

// Version 1 names the measures input as the agreed ones; the rest as version 2.
const MEASURES_LABEL = 'Agreed measures';

/** Runs one intent at a time and remembers its failure message. */
export function usePending() {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (key: string, intent: () => Promise<void>) => {
    setPending(key);
    setError(null);
    try {
      await intent();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setPending(null);
    }
  };
  return { pending, error, run };
}

export function ProtocolWalkthrough(props: ProtocolWalkthroughProps) {
  const { alert, now, timezone } = props;
  const { pending, error, run } = usePending();
  const p = alert.protocol;
  return (
    <div className="protocol" role="region" aria-label="Protocol walkthrough">
      <ProtocolHead
        alert={alert}
        started={p !== null}
        pending={pending}
        error={error}
        run={run}
        onAcknowledge={props.onAcknowledge}
        onStart={props.onStart}
      />
      {p === null ? (
        <p className="muted">This alert is not under the escalation protocol.</p>
      ) : p.closed ? (
        <p className="protocol-closed" data-testid="protocol-closed">
          Closed. No new events join this alert.
        </p>
      ) : (
        <div className="protocol-step" data-step-id={p.stepId}>
          <h3>
            Step: <span data-testid="protocol-step">{p.stepTitle}</span>
          </h3>
          <dl className="step-facts">
            <dt>Who acts</dt>
            <dd>{p.role}</dd>
            <dt>Entered</dt>
            <dd>{formatExerciseTime(p.enteredAt, timezone)}</dd>
            <dt>Deadline</dt>
            <dd>
              {p.deadlineAt === null ? 'none' : formatExerciseTime(p.deadlineAt, timezone)}{' '}
              <DeadlineCountdown enteredAt={p.enteredAt} deadlineAt={p.deadlineAt} now={now} />
            </dd>
          </dl>
          <p className="instructions">{p.instructions}</p>
          {p.suggestedJump ? (
            <p className="notice">Severity rose: consider moving to “{p.suggestedJump}”.</p>
          ) : null}
          {p.acks.length > 0 ? (
            <PartyAcks
              acks={p.acks}
              timezone={timezone}
              pending={pending}
              keyOf={(partyId) => `party:${partyId}`}
              onAck={(partyId, how) =>
                void run(`party:${partyId}`, () => props.onAckParty(alert.id, partyId, how))
              }
            />
          ) : null}
          <div className="actions">
            {p.actions.map((action) => (
              <ActionForm
                key={`${p.stepId}:${action.id}`}
                action={action}
                parties={props.parties}
                pending={pending}
                onSubmit={(inputs) =>
                  void run(`action:${action.id}`, () => props.onAct(alert.id, action.id, inputs))
                }
              />
            ))}
          </div>
        </div>
      )}
      {p && p.history.length > 0 ? (
        <>
          <h3>Step history</h3>
          <ol className="step-history">
            {p.history.map((h, i) => (
              <li key={i}>
                <span className="event-time">{formatExerciseTime(h.enteredAt, timezone)}</span>{' '}
                <strong>{h.stepTitle}</strong> — {h.reason} ({h.actor})
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}

function ActionForm(props: {
  action: ProtocolActionView;
  parties: readonly { id: string; name: string }[];
  pending: string | null;
  onSubmit(inputs: ActionInputs): void;
}) {
  const { action } = props;
  const [inputs, setInputs] = useState<ActionInputs>({});
  const missing = missingInputs(action.requires, inputs);
  const busy = props.pending === `action:${action.id}`;
  const disabled = props.pending !== null || missing.length > 0 || action.blockedBy !== null;
  return (
    <form
      className="action-form"
      aria-label={`Action: ${action.label}`}
      data-action-id={action.id}
      onSubmit={(e) => {
        e.preventDefault();
        if (!disabled) props.onSubmit(inputs);
      }}
    >
      {action.requires.map((input) => (
        <ActionInputField
          key={input}
          input={input}
          value={inputs[input] ?? ''}
          // Version 1 fixes only the party; every other input is free text.
          choices={input === 'party' ? inputChoices(input, props.parties) : null}
          {...(input === 'measures' ? { label: MEASURES_LABEL } : {})}
          onChange={(value) => setInputs({ ...inputs, [input]: value })}
        />
      ))}
      <button type="submit" disabled={disabled} aria-busy={busy}>
        {busy ? 'Recording…' : action.label}
      </button>
      <span className="action-next">→ {action.next}</span>
      {action.blockedBy ? <span className="muted"> {action.blockedBy}</span> : null}
    </form>
  );
}
