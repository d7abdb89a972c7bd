// The escalation protocol of one incident under protocol format version 2:
// its tracks side by side, each with its current step, who acts, the
// deadline on the exercise clock, the actions the participant may take (or
// why not, in their place), the parties' acknowledgements and moves, and the
// track's history. Nothing shows as done until the engine reports its log
// entry committed; an engine refusal is shown as it was given.
import { useState } from 'react';
import { DeadlineCountdown } from '../alerts/DeadlineCountdown';
import type { ActionInputs, AlertView, ProtocolInput, TrackView } from '../console/view-model';
import type { OfferedRunAction } from '../../../shared/protocol/protocol-run';
import type { ReportProduct } from '../../../shared/exercise/log-data';
import { formatExerciseTime } from '../replay/exercise-time-format';
import { usePending } from './ProtocolWalkthrough';
import {
  actionControl,
  runInputChoices,
  missingInputs,
  moveVerb,
  whoActsLabel,
  type ConsoleRole,
} from './run-walkthrough-model';
import { ActionInputField, PartyAcks, ProtocolHead } from './protocol-parts';
import './protocol.css';

type PartyOption = { id: string; name: string; role?: string };

export interface RunWalkthroughProps {
  alert: AlertView;
  now: number;
  timezone: string;
  role: ConsoleRole;
  parties: readonly PartyOption[];
  onAcknowledge(alertId: string): Promise<void>;
  onStart(alertId: string): Promise<void>;
  onAct(alertId: string, track: string, actionId: string, inputs: ActionInputs): Promise<void>;
  onAckParty(alertId: string, track: string, partyId: string, how: string): Promise<void>;
  /** Accepts the prompt to the entry step of the incident's new bands. */
  onJump(alertId: string): Promise<void>;
  onDismissJump(alertId: string): Promise<void>;
  /**
   * Opens the Reports panel's editor for a product about this incident (its
   * primary alert `unitId`): the action that product takes has no form here.
   */
  onWriteProduct(product: ReportProduct, unitId: string): void;
}

export function RunWalkthrough(props: RunWalkthroughProps) {
  const { alert, now, timezone } = props;
  const { pending, error, run } = usePending();
  const r = alert.run;
  return (
    <div className="protocol run" role="region" aria-label="Protocol walkthrough" data-format="2">
      <ProtocolHead
        alert={alert}
        started={r !== null}
        pending={pending}
        error={error}
        run={run}
        onAcknowledge={props.onAcknowledge}
        onStart={props.onStart}
      />
      {r === null ? (
        <p className="muted">This alert is not under the escalation protocol.</p>
      ) : (
        <>
          {r.closed ? (
            <div className="protocol-closed" data-testid="protocol-closed">
              <p>
                Closed{r.closedAt !== null ? ` at ${formatExerciseTime(r.closedAt, timezone)}` : ''}
                . No new events join this incident.
              </p>
              {r.findings ? (
                <dl className="step-facts findings" data-testid="run-findings">
                  <dt>Attribution</dt>
                  <dd>{r.findings.attribution}</dd>
                  <dt>Intent</dt>
                  <dd>{r.findings.intent}</dd>
                  <dt>Outcome</dt>
                  <dd>{r.findings.outcome}</dd>
                  <dt>Evidence</dt>
                  <dd>{r.findings.evidence}</dd>
                  {r.summary ? (
                    <>
                      <dt>Summary</dt>
                      <dd>{r.summary}</dd>
                    </>
                  ) : null}
                </dl>
              ) : null}
            </div>
          ) : null}
          {r.entryPrompt ? (
            <div className="severity-prompt" role="alert" data-testid="entry-prompt">
              <p>
                The incident’s bands are now <strong>{r.entryPrompt.gravity}</strong> /{' '}
                <strong>{r.entryPrompt.certainty}</strong>: the protocol enters these at{' '}
                <strong>{r.entryPrompt.targetTitle}</strong> ({r.entryPrompt.trackTitle}).
              </p>
              <button
                type="button"
                className="primary"
                disabled={pending !== null}
                aria-busy={pending === 'jump'}
                onClick={() => void run('jump', () => props.onJump(alert.id))}
              >
                Go to {r.entryPrompt.targetTitle}
              </button>{' '}
              <button
                type="button"
                disabled={pending !== null}
                aria-busy={pending === 'dismiss-jump'}
                onClick={() => void run('dismiss-jump', () => props.onDismissJump(alert.id))}
              >
                Stay where the tracks are
              </button>
            </div>
          ) : null}
          <div className="run-tracks">
            {openFirst(r.tracks).map((t) => (
              <TrackCard
                key={t.track}
                track={t}
                now={now}
                timezone={timezone}
                role={props.role}
                parties={props.parties}
                pending={pending}
                onAct={(action, inputs) =>
                  void run(`action:${t.track}:${action}`, () =>
                    props.onAct(alert.id, t.track, action, inputs),
                  )
                }
                onWriteProduct={(product) =>
                  props.onWriteProduct(product, alert.incident?.alertIds[0] ?? alert.id)
                }
                onAckParty={(partyId, how) =>
                  void run(`party:${t.track}:${partyId}`, () =>
                    props.onAckParty(alert.id, t.track, partyId, how),
                  )
                }
              />
            ))}
          </div>
        </>
      )}
    </div>
  );
}

/** Open tracks first (in the order they opened), then the finished ones. */
function openFirst(tracks: readonly TrackView[]): TrackView[] {
  return [...tracks.filter((t) => t.open), ...tracks.filter((t) => !t.open)];
}

function TrackCard(props: {
  track: TrackView;
  now: number;
  timezone: string;
  role: ConsoleRole;
  parties: readonly PartyOption[];
  pending: string | null;
  onAct(action: string, inputs: ActionInputs): void;
  onWriteProduct(product: ReportProduct): void;
  onAckParty(partyId: string, how: string): void;
}) {
  const { track: t, timezone } = props;
  const partyMoves = t.actions.filter((a) => actionControl(a, props.role).kind === 'elsewhere');
  const forms = t.actions.filter((a) => actionControl(a, props.role).kind === 'form');
  const products = t.actions.flatMap((a) => {
    const control = actionControl(a, props.role);
    return control.kind === 'product' ? [{ action: a, ...control }] : [];
  });
  return (
    <section
      className={`run-track${t.open ? '' : ' run-track-ended'}`}
      aria-label={`Track: ${t.title}`}
      data-track={t.track}
      data-step-id={t.stepId}
      data-open={t.open}
    >
      <header className="run-track-head">
        <h3>{t.title}</h3>
        {t.open ? null : (
          <span className="done-mark">
            finished{t.endedAt !== null ? ` ${formatExerciseTime(t.endedAt, timezone)}` : ''}
          </span>
        )}
      </header>
      <p className="run-step">
        <span className="muted">{t.open ? 'Step' : 'Last step'}:</span>{' '}
        <strong data-testid="track-step">{t.stepTitle}</strong>
      </p>
      {t.open ? (
        <>
          <dl className="step-facts">
            <dt>Who acts</dt>
            <dd data-testid="track-who">{whoActsLabel(t.roles)}</dd>
            <dt>Deadline</dt>
            <dd>
              {t.deadlineAt === null ? 'none' : formatExerciseTime(t.deadlineAt, timezone)}{' '}
              <DeadlineCountdown
                enteredAt={t.deadlineFrom}
                deadlineAt={t.deadlineAt}
                now={props.now}
              />
              {t.deadlineAt !== null && t.deadlineFrom !== t.enteredAt ? (
                <span className="muted"> (from the incident)</span>
              ) : null}
            </dd>
          </dl>
          <details className="run-instructions">
            <summary>Instructions</summary>
            <p className="instructions">{t.instructions}</p>
          </details>
          {t.acks.length > 0 ? (
            <PartyAcks
              acks={t.acks.map((a) => ({
                partyId: a.partyId,
                partyName: a.partyName,
                ack: a.ack && { by: a.ack.recordedBy, at: a.ack.at, how: a.ack.how },
              }))}
              timezone={timezone}
              pending={props.pending}
              keyOf={(partyId) => `party:${t.track}:${partyId}`}
              onAck={props.onAckParty}
            />
          ) : null}
          {t.moves.length > 0 ? (
            <ul className="run-moves" aria-label="Party moves in this step">
              {t.moves.map((m, i) => (
                <li key={i}>
                  <span className="event-time">{formatExerciseTime(m.at, timezone)}</span>{' '}
                  <strong>{m.partyName}</strong>: {moveVerb(m.move)}
                  {m.inputs.kind ? ` (${m.inputs.kind})` : ''}
                  {m.inputs.text ? ` — “${m.inputs.text}”` : ''}
                  {m.inputs.measures ? ` — ${m.inputs.measures}` : ''}
                  {m.inputs.rationale ? ` — ${m.inputs.rationale}` : ''}{' '}
                  <span className="muted">({m.by})</span>
                </li>
              ))}
            </ul>
          ) : null}
          <div className="actions">
            {products.map(({ action, product, label }) => (
              <div
                key={`${t.stepId}:${action.id}`}
                className="action-form"
                data-action-id={action.id}
              >
                <button
                  type="button"
                  className="primary"
                  data-testid="write-product"
                  onClick={() => props.onWriteProduct(product)}
                >
                  {label}
                </button>
                <span className="action-next">
                  → {action.next ?? 'stays'} once it is saved (“{action.label}”)
                </span>
              </div>
            ))}
            {forms.map((action) => (
              <RunActionForm
                key={`${t.stepId}:${action.id}`}
                action={action}
                role={props.role}
                parties={props.parties}
                pending={props.pending}
                busyKey={`action:${t.track}:${action.id}`}
                onSubmit={(inputs) => props.onAct(action.id, inputs)}
              />
            ))}
          </div>
          {partyMoves.length > 0 ? <ElsewhereNote actions={partyMoves} role={props.role} /> : null}
        </>
      ) : null}
      <details className="run-history">
        <summary>History ({t.history.length})</summary>
        <ol className="step-history">
          {t.history.map((h, i) => (
            <li key={i}>
              <span className="event-time">{formatExerciseTime(h.enteredAt, timezone)}</span>{' '}
              <strong>{h.stepTitle}</strong> — {h.reason} ({h.actor})
              {h.breachedAt !== null ? <span className="error"> — deadline breached</span> : null}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}

/** The actions another role takes, grouped by why this participant has no control for them. */
function ElsewhereNote(props: { actions: readonly OfferedRunAction[]; role: ConsoleRole }) {
  const groups = new Map<string, string[]>();
  for (const action of props.actions) {
    const control = actionControl(action, props.role);
    if (control.kind !== 'elsewhere') continue;
    groups.set(control.why, [...(groups.get(control.why) ?? []), action.label]);
  }
  return (
    <ul className="run-elsewhere">
      {[...groups].map(([why, labels]) => (
        <li key={why} data-testid="acts-elsewhere">
          <span className="muted">{labels.join(', ')}:</span> {why}
        </li>
      ))}
    </ul>
  );
}

function RunActionForm(props: {
  action: OfferedRunAction;
  role: ConsoleRole;
  parties: readonly PartyOption[];
  pending: string | null;
  busyKey: string;
  onSubmit(inputs: ActionInputs): void;
}) {
  const { action } = props;
  const [inputs, setInputs] = useState<ActionInputs>({});
  const control = actionControl(action, props.role);
  const blockedBy =
    control.kind === 'form' ? control.blockedBy : control.kind === 'elsewhere' ? control.why : null;
  const missing = missingInputs(action.requires, inputs);
  const busy = props.pending === props.busyKey;
  const disabled = props.pending !== null || missing.length > 0 || blockedBy !== null;
  const set = (input: ProtocolInput, value: string) => setInputs({ ...inputs, [input]: value });
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
          choices={runInputChoices(input, props.parties)}
          onChange={(value) => set(input, value)}
        />
      ))}
      <button type="submit" disabled={disabled} aria-busy={busy}>
        {busy ? 'Recording…' : action.label}
      </button>
      <span className="action-next">
        → {action.next ?? 'stays'}
        {action.opens.length > 0 ? `; opens ${action.opens.join(', ')}` : ''}
      </span>
      {blockedBy ? <span className="muted"> {blockedBy}</span> : null}
    </form>
  );
}
