// The incident an alert belongs to and the operator's two intents on it
// (docs/ALERTS-AND-SEVERITY.md, "Incidents"): link another alert into this
// one's incident (this alert is then the primary, whose protocol run the
// incident follows), or take this alert out of its incident. The engine
// decides what is allowed; its refusals come back as the console's message.
import { useState } from 'react';
import type { AlertView } from '../console/view-model';
import { CertaintyChip } from './CertaintyChip';
import { formatGravity, linkCandidates } from './measure-text';
import { SeverityBadge } from './SeverityBadge';

export interface IncidentPanelProps {
  alert: AlertView;
  /** Every alert, in queue order (the candidates to link). */
  alerts: readonly AlertView[];
  /** Why nothing may be changed (a read-only log), or null. */
  readOnly: string | null;
  onLink(primaryId: string, otherId: string): Promise<void>;
  onUnlink(alertId: string): Promise<void>;
  onSelect(alertId: string): void;
}

export function IncidentPanel({
  alert,
  alerts,
  readOnly,
  onLink,
  onUnlink,
  onSelect,
}: IncidentPanelProps) {
  const [choosing, setChoosing] = useState(false);
  const [other, setOther] = useState('');
  const incident = alert.incident;
  const candidates = choosing ? linkCandidates(alerts, alert) : [];
  const chosen = candidates.some((c) => c.id === other) ? other : (candidates[0]?.id ?? '');
  const canChange = readOnly === null && alert.certainty !== null;
  return (
    <section aria-labelledby="incident-heading" data-testid="incident-panel">
      <h3 id="incident-heading">Incident</h3>
      {incident ? (
        <div className="incident-summary" data-testid="incident-summary">
          <p>
            <strong className="mono">{incident.id}</strong> · gravity{' '}
            <strong>{formatGravity(incident.gravity)}</strong>{' '}
            <SeverityBadge severity={incident.severity} /> · certainty{' '}
            <CertaintyChip band={incident.certaintyBand} value={incident.certainty} />
          </p>
          <ul className="incident-alerts" aria-label={`Alerts of incident ${incident.id}`}>
            {incident.alertIds.map((id, i) => (
              <li key={id}>
                <button
                  type="button"
                  className="link"
                  onClick={() => onSelect(id)}
                  aria-current={id === alert.id ? 'true' : undefined}
                >
                  {id}
                </button>
                {i === 0 ? <span className="muted"> (primary: its protocol run)</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="muted">Not linked to other alerts.</p>
      )}
      {canChange ? (
        <div className="incident-actions">
          {incident ? (
            <button type="button" onClick={() => void onUnlink(alert.id)}>
              Unlink {alert.id}
            </button>
          ) : null}
          {choosing ? (
            <form
              className="incident-link-form"
              onSubmit={(e) => {
                e.preventDefault();
                if (chosen === '') return;
                void onLink(alert.id, chosen).then(() => setChoosing(false));
              }}
            >
              <label>
                Alert to link into {alert.id}
                {"'"}s incident{' '}
                <select
                  value={chosen}
                  onChange={(e) => setOther(e.target.value)}
                  data-testid="link-candidate"
                >
                  {candidates.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.id} · {formatGravity(c.gravity)} · {c.title}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" disabled={chosen === ''}>
                Link
              </button>{' '}
              <button type="button" className="link" onClick={() => setChoosing(false)}>
                cancel
              </button>
            </form>
          ) : (
            <button type="button" onClick={() => setChoosing(true)}>
              Link another alert…
            </button>
          )}
        </div>
      ) : null}
    </section>
  );
}
