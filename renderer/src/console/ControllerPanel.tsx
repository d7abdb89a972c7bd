// Controller-only tools: inject an ad-hoc event, reveal ground truth, set the
// tempo rules, pause for a hot wash and write its notes. Operators never see
// this panel.
import { memo, useState } from 'react';
import { TEMPO_TRIGGERS, type TempoRules, type TempoTrigger } from './tempo-rules';

/** Speeds a tempo rule may slow the clock to: where a person keeps up with deadlines. */
const TEMPO_SLOW_SPEEDS = [60, 30, 10, 1] as const;

/** Memoised: its props change only on the controller's own input, not every frame. */
export const ControllerPanel = memo(function ControllerPanel(props: {
  showTruth: boolean;
  onShowTruth(show: boolean): void;
  tempo: TempoRules;
  onTempo(rules: TempoRules): void;
  onHotWash(): void;
  /** Logs a note (the hot wash's); resolves whether it was logged. */
  onNote(text: string): Promise<boolean>;
  /** Resolves whether the inject was logged (a refusal is the console's message). */
  onInject(summary: string, extra: { lat?: number; lon?: number; from?: string }): Promise<boolean>;
}) {
  const [summary, setSummary] = useState('');
  const [from, setFrom] = useState('');
  const [lat, setLat] = useState('');
  const [lon, setLon] = useState('');
  const [pending, setPending] = useState(false);
  // The last inject logged: confirmed here, since it goes to the Messages list, not the queue.
  const [sent, setSent] = useState<string | null>(null);
  const [hotWash, setHotWash] = useState(false);
  const [note, setNote] = useState('');
  const [noted, setNoted] = useState(0);
  const toggle = (trigger: TempoTrigger, on: boolean) =>
    props.onTempo({
      ...props.tempo,
      on: on
        ? [...new Set([...props.tempo.on, trigger])]
        : props.tempo.on.filter((t) => t !== trigger),
    });
  const latN = lat.trim() === '' ? undefined : Number(lat);
  const lonN = lon.trim() === '' ? undefined : Number(lon);
  const badPosition =
    (latN !== undefined && !(latN >= -90 && latN <= 90)) ||
    (lonN !== undefined && !(lonN >= -180 && lonN <= 180)) ||
    (latN === undefined) !== (lonN === undefined);
  return (
    <section className="controller-panel" aria-labelledby="controller-heading">
      <h2 id="controller-heading">Controller</h2>
      <div className="controller-row">
        <label>
          <input
            type="checkbox"
            checked={props.showTruth}
            onChange={(e) => props.onShowTruth(e.target.checked)}
          />{' '}
          Reveal ground truth
        </label>
        <button
          type="button"
          onClick={() => {
            setHotWash(true);
            props.onHotWash();
          }}
        >
          Pause for hot wash
        </button>
      </div>
      <fieldset className="tempo-rules">
        <legend>
          Above 60×,{' '}
          <select
            aria-label="What the tempo rules do"
            value={String(props.tempo.then)}
            onChange={(e) =>
              props.onTempo({
                ...props.tempo,
                then: e.target.value === 'pause' ? 'pause' : Number(e.target.value),
              })
            }
          >
            <option value="pause">pause</option>
            {TEMPO_SLOW_SPEEDS.map((s) => (
              <option key={s} value={String(s)}>
                slow to {s}×
              </option>
            ))}
          </select>{' '}
          when
        </legend>
        {TEMPO_TRIGGERS.map((t) => (
          <label key={t.id}>
            <input
              type="checkbox"
              checked={props.tempo.on.includes(t.id)}
              onChange={(e) => toggle(t.id, e.target.checked)}
            />{' '}
            {t.label}
          </label>
        ))}
      </fieldset>
      {hotWash ? (
        <form
          className="hot-wash"
          aria-label="Hot-wash notes"
          onSubmit={(e) => {
            e.preventDefault();
            if (!note.trim()) return;
            void props.onNote(`Hot wash: ${note.trim()}`).then((logged) => {
              if (!logged) return;
              setNote('');
              setNoted((n) => n + 1);
            });
          }}
        >
          <label>
            <span>Hot-wash note (logged, signed, in the export)</span>
            <textarea rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="submit" disabled={!note.trim()}>
            Log note
          </button>
          <button type="button" onClick={() => setHotWash(false)}>
            Done
          </button>
          {noted > 0 ? (
            <span role="status" className="muted">
              {noted} note(s) logged
            </span>
          ) : null}
        </form>
      ) : null}
      <details className="inject-details">
        <summary>Inject an event…</summary>
        <form
          className="inject-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!summary.trim() || badPosition) return;
            setPending(true);
            setSent(null);
            const sending = summary.trim();
            const extra = {
              ...(latN !== undefined ? { lat: latN } : {}),
              ...(lonN !== undefined ? { lon: lonN } : {}),
              ...(from.trim() ? { from: from.trim() } : {}),
            };
            void props
              .onInject(sending, extra)
              .then((logged) => {
                if (!logged) return;
                setSummary('');
                setSent(sending);
              })
              .finally(() => setPending(false));
          }}
        >
          <label className="inject-summary">
            <span>Inject (what the players hear)</span>
            <textarea
              rows={2}
              value={summary}
              onChange={(e) => {
                setSummary(e.target.value);
                setSent(null);
              }}
            />
          </label>
          <label>
            <span>From</span>
            <input value={from} onChange={(e) => setFrom(e.target.value)} size={10} />
          </label>
          <label>
            <span>Lat</span>
            <input
              value={lat}
              onChange={(e) => setLat(e.target.value)}
              size={7}
              inputMode="decimal"
            />
          </label>
          <label>
            <span>Lon</span>
            <input
              value={lon}
              onChange={(e) => setLon(e.target.value)}
              size={7}
              inputMode="decimal"
            />
          </label>
          <button type="submit" disabled={pending || !summary.trim() || badPosition}>
            {pending ? 'Injecting…' : 'Inject event'}
          </button>
          {sent !== null ? (
            <p role="status" className="inject-sent" data-testid="inject-confirmation">
              Injected and logged: “{sent.length > 80 ? `${sent.slice(0, 79)}…` : sent}” — at the
              top of Messages.
            </p>
          ) : null}
          {badPosition ? (
            <span className="error">Give both lat (−90…90) and lon (−180…180), or neither.</span>
          ) : null}
        </form>
      </details>
    </section>
  );
});
