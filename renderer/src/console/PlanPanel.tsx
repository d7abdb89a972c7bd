// The controller's exercise plan (controller-only: ground truth and expected
// actions): the MSEL as a timeline strip and a table — each inject scheduled,
// moved, held or delivered, with its expected player action and whether it
// was met so far, and the controls to deliver it now, hold, release or move it
// —, a "Skip to" that runs the clock forward processing everything in between,
// and the scripted incidents with their truth and the trainee's handling. The
// engine logs every control; this panel logs nothing itself.
import { memo, useMemo, useState } from 'react';
import {
  skipTargets,
  type PlannedIncident,
  type PlannedInject,
} from '../../../shared/exercise/exercise-plan';
import { msToZonedInput, zonedInputToMs } from '../log/log-time-format';
import { usePending } from '../protocol/ProtocolWalkthrough';
import { formatExerciseClock } from '../replay/exercise-time-format';
import type { ConsoleCommands, ExercisePlan } from './view-model';

const STATUS_LABEL: Record<PlannedInject['status'], string> = {
  scheduled: 'scheduled',
  moved: 'moved',
  held: 'held',
  delivered: 'delivered',
};

const TRUTH_LABEL: Record<PlannedIncident['truth'], string> = {
  violation: 'violation',
  'false-positive': 'false alarm',
  ambiguous: 'ambiguous',
  unknown: 'unknown',
};

const HANDLING_LABEL: Record<PlannedIncident['handling'], string> = {
  escalated: 'escalated',
  recorded: 'recorded',
  dismissed: 'dismissed',
  'in-progress': 'in progress',
  'not-handled': 'not handled',
};

export const PlanPanel = memo(function PlanPanel(props: {
  plan: ExercisePlan;
  now: number;
  start: number;
  end: number;
  timezone: string;
  classification: string;
  /** Why a backward seek is refused now, or null when it is allowed. */
  seekBackRefusal: string | null;
  commands: Pick<ConsoleCommands, 'controlInject' | 'seek'>;
}) {
  const { plan, now, timezone } = props;
  const { pending, error, run } = usePending();
  const [view, setView] = useState<'injects' | 'incidents'>('injects');
  // Minute resolution for the table: the strip and the rows need not change every frame.
  const minute = Math.floor(now / 60_000) * 60_000;
  return (
    <section className="plan-panel" aria-labelledby="plan-heading" data-testid="plan-panel">
      <div className="plan-head">
        <h2 id="plan-heading">Exercise plan</h2>
        <span className="plan-mark" title={props.classification}>
          EXERCISE — controller only
        </span>
      </div>
      <PlanStrip plan={plan} now={minute} start={props.start} end={props.end} timezone={timezone} />
      <SkipTo
        plan={plan}
        now={minute}
        end={props.end}
        timezone={timezone}
        pending={pending === 'skip'}
        onSkip={(to) => void run('skip', () => props.commands.seek(to))}
      />
      {props.seekBackRefusal ? (
        <p
          className="muted plan-note"
          data-testid="seek-back-refusal"
          title={`Back in time: ${props.seekBackRefusal}`}
        >
          Back in time: {props.seekBackRefusal}.
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="error">
          Not recorded: {error}
        </p>
      ) : null}
      <div className="plan-tabs" role="tablist" aria-label="Plan view">
        <button
          type="button"
          role="tab"
          aria-selected={view === 'injects'}
          onClick={() => setView('injects')}
        >
          Injects ({plan.injects.length})
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={view === 'incidents'}
          onClick={() => setView('incidents')}
        >
          Incidents ({plan.incidents.length})
        </button>
      </div>
      {/* Keyed by the view, so each table opens at its top. */}
      <div className="plan-body" key={view}>
        {view === 'injects' ? (
          <InjectTable
            injects={plan.injects}
            now={minute}
            end={props.end}
            timezone={timezone}
            pending={pending}
            onControl={(id, control) =>
              void run(`${id}:${control.action}`, () => props.commands.controlInject(id, control))
            }
          />
        ) : (
          <IncidentTable incidents={plan.incidents} timezone={timezone} />
        )}
      </div>
    </section>
  );
});

/** The exercise span with each inject where it is due (coloured by status) and the clock. */
function PlanStrip(props: {
  plan: ExercisePlan;
  now: number;
  start: number;
  end: number;
  timezone: string;
}) {
  const span = Math.max(1, props.end - props.start);
  const x = (t: number) => `${(((t - props.start) / span) * 100).toFixed(2)}%`;
  return (
    <svg
      className="plan-strip"
      role="img"
      aria-label="Injects and incidents on the exercise timeline"
    >
      <line x1="0" x2="100%" y1="10" y2="10" className="plan-strip-axis" />
      {props.plan.incidents.map((i) => (
        <rect
          key={i.name}
          x={x(i.firstAt)}
          y="16"
          width="3"
          height="8"
          className={`plan-strip-incident truth-${i.truth}`}
        >
          <title>
            {`${i.name} — ${TRUTH_LABEL[i.truth]}, ${formatExerciseClock(i.firstAt, props.timezone)}`}
          </title>
        </rect>
      ))}
      {props.plan.injects.map((i) => (
        <rect
          key={i.eventId}
          x={x(i.deliveredAt ?? i.dueAt)}
          y="3"
          width="4"
          height="10"
          className={`plan-strip-inject status-${i.status}`}
        >
          <title>{`${i.eventId} — ${STATUS_LABEL[i.status]}, ${formatExerciseClock(i.deliveredAt ?? i.dueAt, props.timezone)}`}</title>
        </rect>
      ))}
      <line x1={x(props.now)} x2={x(props.now)} y1="0" y2="26" className="plan-strip-now" />
    </svg>
  );
}

/** "Skip to": a forward seek, which logs everything due in between; the MSEL's next injects as quick picks. */
function SkipTo(props: {
  plan: ExercisePlan;
  now: number;
  end: number;
  timezone: string;
  pending: boolean;
  onSkip(to: number): void;
}) {
  const picks = useMemo(
    () => skipTargets(props.plan, props.now).slice(0, 12),
    [props.plan, props.now],
  );
  const [text, setText] = useState('');
  const typed = text.trim() === '' ? null : zonedInputToMs(text, props.timezone);
  const bad =
    text.trim() !== '' && (typed === null || typed <= props.now || typed > props.end)
      ? typed === null
        ? 'as yyyy-mm-dd hh:mm, exercise time'
        : 'after the clock and before the scenario end'
      : null;
  return (
    <form
      className="plan-skip"
      onSubmit={(e) => {
        e.preventDefault();
        if (typed !== null && bad === null) {
          props.onSkip(typed);
          setText('');
        }
      }}
    >
      <label>
        Skip to{' '}
        <select
          aria-label="Skip to an inject"
          value=""
          disabled={props.pending || picks.length === 0}
          onChange={(e) => {
            const at = Number(e.target.value);
            if (Number.isFinite(at) && at > 0) props.onSkip(at);
          }}
        >
          <option value="">{picks.length === 0 ? 'no inject still due' : 'next injects…'}</option>
          {picks.map((p) => (
            <option key={p.eventId} value={p.at}>
              {formatExerciseClock(p.at, props.timezone)} {p.eventId} · {p.label}
            </option>
          ))}
        </select>
      </label>
      <input
        aria-label="Skip to exercise time"
        placeholder={msToZonedInput(props.now, props.timezone)}
        value={text}
        onChange={(e) => setText(e.target.value)}
        className="plan-time"
      />
      <button type="submit" disabled={props.pending || typed === null || bad !== null}>
        Skip
      </button>
      <span className="muted plan-hint">{bad ?? 'processes everything in between'}</span>
    </form>
  );
}

function InjectTable(props: {
  injects: readonly PlannedInject[];
  now: number;
  end: number;
  timezone: string;
  pending: string | null;
  onControl(eventId: string, control: Parameters<ConsoleCommands['controlInject']>[1]): void;
}) {
  const { timezone } = props;
  const [moving, setMoving] = useState<string | null>(null);
  return (
    <table className="plan-table" aria-label="Scripted injects">
      <thead>
        <tr>
          <th scope="col">Due</th>
          <th scope="col">Inject</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {props.injects.map((i) => {
          const busy = props.pending?.startsWith(`${i.eventId}:`) ?? false;
          const open = i.status !== 'delivered';
          return (
            <tr key={i.eventId} data-testid={`plan-inject-${i.eventId}`} data-status={i.status}>
              <td className="plan-when">
                <time>{formatExerciseClock(i.deliveredAt ?? i.dueAt, timezone)}</time>
                {i.dueAt !== i.scriptedAt ||
                (i.deliveredAt !== null && i.deliveredAt !== i.scriptedAt) ? (
                  <s className="muted" title="Scripted time">
                    {formatExerciseClock(i.scriptedAt, timezone)}
                  </s>
                ) : null}
              </td>
              <td className="plan-what">
                <div className="plan-id">
                  <strong>{i.eventId}</strong>
                  {[i.method, i.from].filter(Boolean).length > 0 ? (
                    <span className="muted">
                      {' '}
                      · {[i.method, i.from].filter(Boolean).join(' · ')}
                    </span>
                  ) : null}
                </div>
                <div className="plan-text" title={i.text}>
                  {i.text}
                </div>
                {i.expectedAction ? (
                  <div className="plan-expected" title={i.expectedAction}>
                    Expected: {i.expectedAction}
                  </div>
                ) : null}
                {moving === i.eventId && open ? (
                  <MoveForm
                    inject={i}
                    now={props.now}
                    end={props.end}
                    timezone={timezone}
                    onMove={(to) => {
                      setMoving(null);
                      props.onControl(i.eventId, { action: 'move', to });
                    }}
                    onCancel={() => setMoving(null)}
                  />
                ) : null}
              </td>
              <td className="plan-state">
                <span className={`plan-status status-${i.status}`}>{STATUS_LABEL[i.status]}</span>
                <span
                  className={`plan-met ${i.met === true ? 'met' : i.met === false ? 'open' : ''}`}
                  data-testid="plan-met"
                >
                  {i.met === null
                    ? ''
                    : i.met
                      ? `met — linked to ${i.linkedTo.join(', ')}`
                      : 'not met yet'}
                </span>
                {open ? (
                  <span className="plan-controls">
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => props.onControl(i.eventId, { action: 'deliver' })}
                    >
                      Deliver now
                    </button>
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() =>
                        props.onControl(i.eventId, {
                          action: i.status === 'held' ? 'release' : 'hold',
                        })
                      }
                    >
                      {i.status === 'held' ? 'Release' : 'Hold'}
                    </button>
                    <button
                      type="button"
                      disabled={busy}
                      aria-expanded={moving === i.eventId}
                      onClick={() => setMoving(moving === i.eventId ? null : i.eventId)}
                    >
                      Move…
                    </button>
                  </span>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function MoveForm(props: {
  inject: PlannedInject;
  now: number;
  end: number;
  timezone: string;
  onMove(to: number): void;
  onCancel(): void;
}) {
  const [text, setText] = useState(() =>
    msToZonedInput(Math.max(props.inject.dueAt, props.now), props.timezone),
  );
  const to = zonedInputToMs(text, props.timezone);
  const bad =
    to === null
      ? 'as yyyy-mm-dd hh:mm, exercise time'
      : to < props.now || to > props.end
        ? 'from the clock to the scenario end'
        : null;
  return (
    <form
      className="plan-move"
      onSubmit={(e) => {
        e.preventDefault();
        if (to !== null && bad === null) props.onMove(to);
      }}
    >
      <label>
        Move to{' '}
        <input
          aria-label={`Move ${props.inject.eventId} to exercise time`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="plan-time"
        />
      </label>{' '}
      <button type="submit" disabled={bad !== null}>
        Move
      </button>{' '}
      <button type="button" className="link" onClick={props.onCancel}>
        cancel
      </button>
      <span className="muted plan-hint">{bad ?? props.timezone}</span>
    </form>
  );
}

function IncidentTable(props: { incidents: readonly PlannedIncident[]; timezone: string }) {
  if (props.incidents.length === 0) {
    return <p className="empty">The scenario names no scripted incidents.</p>;
  }
  return (
    <table className="plan-table" aria-label="Scripted incidents">
      <thead>
        <tr>
          <th scope="col">From</th>
          <th scope="col">Incident</th>
          <th scope="col">Handling</th>
        </tr>
      </thead>
      <tbody>
        {props.incidents.map((i) => (
          <tr key={i.name} data-testid="plan-incident">
            <td className="plan-when">
              <time>{formatExerciseClock(i.firstAt, props.timezone)}</time>
            </td>
            <td className="plan-what">
              <div className="plan-id">
                <strong>{i.name}</strong>
              </div>
              <div className="muted">
                Truth: <span className={`truth-${i.truth}`}>{TRUTH_LABEL[i.truth]}</span> ·{' '}
                {i.shown}/{i.events} reports shown
                {i.alertIds.length > 0 ? ` · alerts ${i.alertIds.join(', ')}` : ''}
              </div>
              {i.findings ? (
                <div className="plan-expected">
                  Closed with: {i.findings.outcome}, {i.findings.attribution}, {i.findings.intent}
                </div>
              ) : null}
            </td>
            <td className="plan-state">
              <span className={`plan-status handling-${i.handling}`}>
                {HANDLING_LABEL[i.handling]}
              </span>
              <span className="muted">
                {i.step ? `at ${i.step}` : 'not in the protocol'}
                {i.acknowledged ? ' · acknowledged' : ''}
                {i.closed ? ' · closed' : ''}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
