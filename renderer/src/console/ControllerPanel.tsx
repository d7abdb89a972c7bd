// Controller-only tools: inject an ad-hoc event, reveal ground truth, pause
// for a hot wash. Operators never see this panel.
import { memo, useState } from 'react';

/** Memoised: its props change only on the controller's own input, not every frame. */
export const ControllerPanel = memo(function ControllerPanel(props: {
  showTruth: boolean;
  onShowTruth(show: boolean): void;
  autoPause: boolean;
  onAutoPause(on: boolean): void;
  onHotWash(): void;
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
        <label>
          <input
            type="checkbox"
            checked={props.autoPause}
            onChange={(e) => props.onAutoPause(e.target.checked)}
          />{' '}
          Auto-pause on critical above 60×
        </label>
        <button type="button" onClick={props.onHotWash}>
          Pause for hot wash
        </button>
      </div>
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
