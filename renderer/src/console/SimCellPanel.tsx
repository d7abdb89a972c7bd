// The controller's SimCell (docs/ESCALATION-PROTOCOL.md, "In the console"):
// for each party, every request of an open incident addressed to it with its
// deadline and the party script's response — send it now, change it, or
// withhold it — and "take over" so the controller plays the party live. The
// engine logs every move in the party's role; this panel logs nothing itself.
// The controller also plays the guarantors' chair here: the steps where the
// chair acts, each action logged in the chair's role.
import { useState } from 'react';
import { DeadlineCountdown } from '../alerts/DeadlineCountdown';
import { usePending } from '../protocol/ProtocolWalkthrough';
import { ActionInputField } from '../protocol/protocol-parts';
import {
  inputChoices,
  missingInputs,
  moveVerb,
  runInputChoices,
} from '../protocol/run-walkthrough-model';
import type { OfferedRunAction } from '../../../shared/protocol/protocol-run';
import { formatExerciseTime } from '../replay/exercise-time-format';
import { usePanelOpen } from '../ui/window-height';
import { moveInputs, responseText, sendPlan, type ChairStep, type SendPlan } from './sim-cell-plan';
import type {
  ActionInputs,
  ConsoleCommands,
  PartyMove,
  SimCellParty,
  SimCellRequest,
  SimCellStatus,
} from './view-model';

type PartyOption = { id: string; name: string; role?: string };

/** Below 880 px of window height the panel is folded (see usePanelOpen). */
const FOLDED_WHEN = '(max-height: 879px)';

export function SimCellPanel(props: {
  simCell: SimCellStatus;
  now: number;
  timezone: string;
  parties: readonly PartyOption[];
  commands: Pick<
    ConsoleCommands,
    'takeOverParty' | 'handBackParty' | 'partyMove' | 'partyAck' | 'chairAction'
  >;
  /** Steps of open runs where the guarantors' chair acts (the controller plays the chair). */
  chair: readonly ChairStep[];
}) {
  const { pending, error, run } = usePending();
  // On a short window (1280×800) the panel is folded, as Messages is,
  // so the controller's queue keeps its rows; the header still counts what
  // waits for the controller (the parties' requests, the chair's steps).
  const [open, setOpen] = usePanelOpen(FOLDED_WHEN);
  const waiting =
    props.simCell.parties.reduce((n, p) => n + p.requests.length, 0) + props.chair.length;
  return (
    <section
      className={`simcell-panel${open ? '' : ' folded'}`}
      aria-labelledby="simcell-heading"
      data-testid="simcell"
    >
      <header className="panel-header">
        <h2 id="simcell-heading">
          <button
            type="button"
            className="simcell-toggle"
            aria-expanded={open}
            aria-controls="simcell-body"
            onClick={() => setOpen(!open)}
          >
            {open ? '▾' : '▸'} SimCell — the parties
          </button>
        </h2>
        <span className="panel-meta" data-testid="simcell-count">
          {waiting} waiting
        </span>
      </header>
      {open ? (
        <div id="simcell-body">
          <p className="muted simcell-lead">
            The script plays each party on the exercise clock. Send its response now, change it, or
            withhold it — any of these takes the party over, and you then play it live.
          </p>
          {error ? (
            <p role="alert" className="error">
              Not recorded: {error}
            </p>
          ) : null}
          {props.simCell.parties.map((party) => (
            <PartyBlock
              key={party.partyId}
              party={party}
              now={props.now}
              timezone={props.timezone}
              parties={props.parties}
              pending={pending}
              onTakeOver={() =>
                void run(`take:${party.partyId}`, () => props.commands.takeOverParty(party.partyId))
              }
              onHandBack={() =>
                void run(`back:${party.partyId}`, () => props.commands.handBackParty(party.partyId))
              }
              onSend={(request, plan) =>
                void run(`send:${party.partyId}:${request.alertId}:${request.track}`, async () => {
                  if (party.takenOverBy === null) await props.commands.takeOverParty(party.partyId);
                  if (plan.kind === 'ack') {
                    await props.commands.partyAck(
                      request.alertId,
                      party.partyId,
                      request.track,
                      plan.how,
                    );
                  } else {
                    await props.commands.partyMove(
                      request.alertId,
                      party.partyId,
                      request.track,
                      plan.move,
                      plan.inputs,
                    );
                  }
                })
              }
            />
          ))}
          <ChairBlock
            steps={props.chair}
            now={props.now}
            timezone={props.timezone}
            parties={props.parties}
            pending={pending}
            onAct={(step, action, inputs) =>
              void run(`chair:${step.alertId}:${step.track}:${action}`, () =>
                props.commands.chairAction(step.alertId, step.track, action, inputs),
              )
            }
          />
        </div>
      ) : null}
    </section>
  );
}

/** The guarantors' chair, played by the controller: every step where the chair acts, each action a form. */
function ChairBlock(props: {
  steps: readonly ChairStep[];
  now: number;
  timezone: string;
  parties: readonly PartyOption[];
  pending: string | null;
  onAct(step: ChairStep, action: string, inputs: ActionInputs): void;
}) {
  return (
    <div className="simcell-party" data-party-id="guarantor-chair" aria-label="Guarantors' chair">
      <div className="simcell-party-head">
        <h3>Guarantors’ chair</h3>
        <span className="muted">played by you; logged in the chair’s role</span>
      </div>
      {props.steps.length === 0 ? (
        <p className="muted">Nothing is before the chair now.</p>
      ) : (
        <ul className="simcell-requests">
          {props.steps.map((step) => (
            <li
              key={`${step.alertId}:${step.track}`}
              className="simcell-request"
              data-run-alert={step.alertId}
              data-track={step.track}
              data-step-id={step.stepId}
            >
              <div>
                <strong>{step.trackTitle}</strong>: {step.stepTitle}{' '}
                <span className="muted">— {step.alertTitle}</span>
              </div>
              <div className="simcell-due">
                {step.deadlineAt === null
                  ? 'no deadline'
                  : formatExerciseTime(step.deadlineAt, props.timezone)}{' '}
                <DeadlineCountdown
                  enteredAt={step.deadlineFrom}
                  deadlineAt={step.deadlineAt}
                  now={props.now}
                />
              </div>
              {step.actions.map((action) => (
                <ChairActionForm
                  key={action.id}
                  action={action}
                  parties={props.parties}
                  disabled={props.pending !== null}
                  onSubmit={(inputs) => props.onAct(step, action.id, inputs)}
                />
              ))}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ChairActionForm(props: {
  action: OfferedRunAction;
  parties: readonly PartyOption[];
  disabled: boolean;
  onSubmit(inputs: ActionInputs): void;
}) {
  const { action } = props;
  const [inputs, setInputs] = useState<ActionInputs>({});
  const missing = missingInputs(action.requires, inputs);
  return (
    <form
      className="simcell-change"
      aria-label={`Chair: ${action.label}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!props.disabled && missing.length === 0) props.onSubmit(inputs);
      }}
    >
      {action.requires.map((input) => (
        <ActionInputField
          key={input}
          input={input}
          value={inputs[input] ?? ''}
          choices={runInputChoices(input, props.parties)}
          onChange={(value) => setInputs({ ...inputs, [input]: value })}
        />
      ))}
      <button type="submit" disabled={props.disabled || missing.length > 0}>
        {action.label} (as the chair)
      </button>
    </form>
  );
}

function PartyBlock(props: {
  party: SimCellParty;
  now: number;
  timezone: string;
  parties: readonly PartyOption[];
  pending: string | null;
  onTakeOver(): void;
  onHandBack(): void;
  onSend(request: SimCellRequest, plan: SendPlan): void;
}) {
  const { party } = props;
  const addressed = party.requests.filter((r) => r.addressed);
  const initiatives = party.requests.filter((r) => !r.addressed);
  return (
    <div className="simcell-party" data-party-id={party.partyId} aria-label={party.partyName}>
      <div className="simcell-party-head">
        <h3>{party.partyName}</h3>
        {party.takenOverBy === null ? (
          <>
            <span className="muted">played by the script</span>
            <button
              type="button"
              disabled={props.pending !== null}
              onClick={props.onTakeOver}
              aria-busy={props.pending === `take:${party.partyId}`}
            >
              Take over {party.partyName}
            </button>
          </>
        ) : (
          <>
            <span className="done-mark" data-testid="taken-over">
              played live by {party.takenOverBy}
            </span>
            <button
              type="button"
              disabled={props.pending !== null}
              onClick={props.onHandBack}
              aria-busy={props.pending === `back:${party.partyId}`}
            >
              Hand {party.partyName} back to the script
            </button>
          </>
        )}
      </div>
      {addressed.length === 0 ? (
        <p className="muted">Nothing is asked of {party.partyName} now.</p>
      ) : (
        <ul className="simcell-requests">
          {addressed.map((r) => (
            <RequestItem key={`${r.alertId}:${r.track}`} request={r} {...props} />
          ))}
        </ul>
      )}
      {initiatives.length > 0 ? (
        <details className="simcell-initiatives">
          <summary>
            Initiatives open to {party.partyName} ({initiatives.length})
          </summary>
          <ul className="simcell-requests">
            {initiatives.map((r) => (
              <RequestItem key={`${r.alertId}:${r.track}`} request={r} {...props} />
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function RequestItem(props: {
  request: SimCellRequest;
  party: SimCellParty;
  now: number;
  timezone: string;
  parties: readonly PartyOption[];
  pending: string | null;
  onTakeOver(): void;
  onSend(request: SimCellRequest, plan: SendPlan): void;
}) {
  const { request: r, party, timezone } = props;
  const [editing, setEditing] = useState(false);
  const scripted = sendPlan(r);
  const busy = props.pending === `send:${party.partyId}:${r.alertId}:${r.track}`;
  return (
    <li
      className="simcell-request"
      data-run-alert={r.alertId}
      data-track={r.track}
      data-step-id={r.stepId}
    >
      <div>
        <strong>{r.trackTitle}</strong>: {r.stepTitle}{' '}
        <span className="muted">— {r.alertTitle}</span>
      </div>
      <div className="simcell-due">
        {r.ackDue ? 'Acknowledgement due. ' : ''}
        {r.moves.length > 0 ? `May: ${r.moves.map(moveVerb).join(', ')}. ` : ''}
        {r.deadlineAt !== null ? (
          <>
            Deadline {formatExerciseTime(r.deadlineAt, timezone)}{' '}
            <DeadlineCountdown enteredAt={r.enteredAt} deadlineAt={r.deadlineAt} now={props.now} />
          </>
        ) : null}
      </div>
      <div className="simcell-script" data-testid="scripted-response">
        Script:{' '}
        {r.scripted.length === 0
          ? 'stays silent'
          : r.scripted.map((s) => responseText(s, timezone, party.takenOverBy !== null)).join('; ')}
      </div>
      <div className="simcell-buttons">
        <button
          type="button"
          className="primary"
          disabled={props.pending !== null || scripted === null}
          aria-busy={busy}
          title={scripted === null ? 'the script has no response to send' : undefined}
          onClick={() => scripted && props.onSend(r, scripted)}
        >
          {busy ? 'Sending…' : 'Send scripted response now'}
        </button>
        <button
          type="button"
          disabled={props.pending !== null}
          onClick={() => setEditing(!editing)}
        >
          {editing ? 'Cancel change' : 'Change…'}
        </button>
        {party.takenOverBy === null ? (
          <button
            type="button"
            disabled={props.pending !== null}
            title={`Takes ${party.partyName} over: the script sends nothing more for it`}
            onClick={props.onTakeOver}
          >
            Withhold
          </button>
        ) : null}
      </div>
      {editing ? (
        <ChangeForm
          request={r}
          partyName={party.partyName}
          parties={props.parties}
          disabled={props.pending !== null}
          onSend={(plan) => {
            setEditing(false);
            props.onSend(r, plan);
          }}
        />
      ) : null}
    </li>
  );
}

function ChangeForm(props: {
  request: SimCellRequest;
  partyName: string;
  parties: readonly PartyOption[];
  disabled: boolean;
  onSend(plan: SendPlan): void;
}) {
  const { request: r } = props;
  const options = [...(r.ackDue ? ['ack' as const] : []), ...r.moves];
  const first = r.scripted[0];
  const [choice, setChoice] = useState<'ack' | PartyMove>(
    first ? (first.kind === 'ack' ? 'ack' : first.move) : options[0]!,
  );
  const scriptedFor = r.scripted.find((s) =>
    choice === 'ack' ? s.kind === 'ack' : s.kind === 'move' && s.move === choice,
  );
  const [how, setHow] = useState(scriptedFor?.kind === 'ack' ? scriptedFor.how : '');
  const [inputs, setInputs] = useState<ActionInputs>(
    scriptedFor?.kind === 'move' ? { ...scriptedFor.inputs } : {},
  );
  const required = choice === 'ack' ? [] : moveInputs(choice);
  const missing = choice === 'ack' ? (how.trim() ? [] : ['how']) : missingInputs(required, inputs);
  return (
    <form
      className="simcell-change"
      aria-label={`Change ${props.partyName}'s response`}
      onSubmit={(e) => {
        e.preventDefault();
        if (missing.length > 0) return;
        props.onSend(
          choice === 'ack' ? { kind: 'ack', how } : { kind: 'move', move: choice, inputs },
        );
      }}
    >
      <label className="action-input">
        <span>Response</span>
        <select
          value={choice}
          onChange={(e) => {
            setChoice(e.target.value as 'ack' | PartyMove);
            setInputs({});
          }}
        >
          {options.map((o) => (
            <option key={o} value={o}>
              {o === 'ack' ? 'acknowledge' : moveVerb(o)}
            </option>
          ))}
        </select>
      </label>
      {choice === 'ack' ? (
        <label className="action-input">
          <span>How (required)</span>
          <input
            value={how}
            onChange={(e) => setHow(e.target.value)}
            placeholder="hotline, duty officer"
          />
        </label>
      ) : (
        required.map((input) => (
          <ActionInputField
            key={input}
            input={input}
            value={inputs[input] ?? ''}
            choices={inputChoices(input, props.parties)}
            onChange={(value) => setInputs({ ...inputs, [input]: value })}
          />
        ))
      )}
      <button type="submit" disabled={props.disabled || missing.length > 0}>
        Send as {props.partyName}
      </button>
    </form>
  );
}
