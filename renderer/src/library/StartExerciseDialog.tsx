import { useId, useState, type FormEvent } from 'react';
import { participantNameProblem } from '../../../shared/exercise/participant-name';
import type { Participant, ParticipantRole } from '../app/app-store';
import { Dialog } from '../ui/Dialog';
import { BriefingText } from './BriefingText';
import type { ScenarioSummary } from './scenario-summary';
import './StartExerciseDialog.css';

// The built-in protocol a new exercise runs when its scenario brings none
// (docs/ESCALATION-PROTOCOL.md): version 2 by default; version 1 for a
// trainer who wants the single line of steps exercises ran before.
const PROTOCOLS: { format: 1 | 2; label: string; hint: string }[] = [
  { format: 2, label: 'Version 2', hint: 'parallel tracks, parties act, findings on close' },
  { format: 1, label: 'Version 1', hint: 'one line of steps' },
];

const ROLES: { role: ParticipantRole; label: string; hint: string }[] = [
  { role: 'operator', label: 'Operator', hint: 'works the alert queue and the protocol' },
  {
    role: 'controller',
    label: 'Controller',
    hint: 'runs the exercise: injects, ground truth, hot wash',
  },
];

/** Asks who is playing, shows the briefing, and starts the exercise. */
export function StartExerciseDialog({
  summary,
  briefing,
  open,
  busy,
  error,
  onCancel,
  onStart,
  resumeId,
}: {
  /** Set when resuming an existing exercise instead of starting a new one. */
  resumeId?: string | null;
  summary: ScenarioSummary | null;
  briefing: string | null;
  open: boolean;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onStart: (participant: Participant) => void;
}) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<ParticipantRole>('operator');
  const [protocolFormat, setProtocolFormat] = useState<1 | 2>(2);
  const [touched, setTouched] = useState(false);
  const nameId = useId();
  const problemId = useId();
  const verb = resumeId ? 'Resume exercise' : 'Start exercise';
  const trimmed = name.trim();
  const problem = participantNameProblem(trimmed);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (problem || busy) return;
    onStart(resumeId ? { name: trimmed, role } : { name: trimmed, role, protocolFormat });
  };
  return (
    <Dialog open={open} title={`${verb} — ${summary?.title ?? 'scenario'}`} onClose={onCancel} wide>
      <form className="start-exercise" onSubmit={submit} noValidate>
        <p className="start-classification">{summary?.classification ?? 'EXERCISE'}</p>
        {resumeId ? (
          <p>
            Exercise <code>{resumeId}</code> continues from its log. The log records who you are
            from here on.
          </p>
        ) : null}
        <div className="field">
          <label htmlFor={nameId}>Your name</label>
          <input
            id={nameId}
            value={name}
            autoFocus
            autoComplete="off"
            onChange={(e) => setName(e.target.value)}
            aria-invalid={touched && problem ? true : undefined}
            aria-describedby={touched && problem ? problemId : undefined}
          />
          {touched && problem ? (
            <p id={problemId} className="status status-bad" role="alert">
              {problem}
            </p>
          ) : null}
        </div>
        <fieldset className="field">
          <legend>Your role</legend>
          {ROLES.map((r) => (
            <label key={r.role} className="role-option">
              <input
                type="radio"
                name="role"
                value={r.role}
                checked={role === r.role}
                onChange={() => setRole(r.role)}
              />{' '}
              {r.label} <span className="muted">— {r.hint}</span>
            </label>
          ))}
        </fieldset>
        {resumeId ? null : (
          <fieldset className="field">
            <legend>Escalation protocol</legend>
            {PROTOCOLS.map((p) => (
              <label key={p.format} className="role-option">
                <input
                  type="radio"
                  name="protocol-format"
                  value={p.format}
                  checked={protocolFormat === p.format}
                  onChange={() => setProtocolFormat(p.format)}
                />{' '}
                {p.label} <span className="muted">— {p.hint}</span>
              </label>
            ))}
            <p className="muted">A scenario with a protocol of its own runs that one.</p>
          </fieldset>
        )}
        <section aria-label="Briefing">
          <h3>Briefing</h3>
          {briefing ? (
            <BriefingText source={briefing} />
          ) : (
            <p className="muted">This scenario has no briefing.</p>
          )}
        </section>
        {error ? (
          <p className="status status-bad" role="alert">
            {error}
          </p>
        ) : null}
        <div className="start-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Opening…' : verb}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
