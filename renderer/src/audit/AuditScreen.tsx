import { useId } from 'react';
import { getPlatform, type PickedFile } from '../platform';
import { ProgressBar } from '../ui/ProgressBar';
import { useFileDrop } from '../ui/use-file-drop';
import { createValueStore, useValueStore } from '../ui/value-store';
import { formatLogTime, localTimezone } from '../log/log-time-format';
import { decisionsByAlert, decisionTimeline } from './decision-timeline';
import { DecisionTimelineTable } from './DecisionTimelineTable';
import { readLogFile, type AuditedLog } from './read-log-file';
import { VerificationResultView } from './VerificationResultView';
import './AuditScreen.css';

type AuditState =
  | { status: 'idle' }
  | { status: 'reading'; name: string }
  | { status: 'done'; log: AuditedLog }
  | { status: 'failed'; name: string; message: string };

// Kept outside the component so the verdict is still there after visiting another screen.
const auditState = createValueStore<AuditState>({ status: 'idle' });
const trustedKey = createValueStore('');
// The bytes of the log on show, so a key typed or pasted afterwards re-checks that very file
// (a verdict must never describe another key than the one in the box).
let openedLog: { name: string; bytes: Uint8Array } | null = null;
// Each check takes a ticket; only the newest may set the verdict, so a slow check of an
// earlier file or key cannot overwrite a later one.
let latestCheck = 0;
let latestFile = 0;

async function verify(name: string, bytes: Uint8Array, expectedKey: string) {
  const ticket = ++latestCheck;
  auditState.set({ status: 'reading', name });
  let next: AuditState;
  try {
    // The bytes as they are: the strict reader names a byte that is not UTF-8 in the verdict.
    next = { status: 'done', log: await readLogFile(name, bytes, expectedKey.trim() || undefined) };
  } catch (error) {
    next = { status: 'failed', name, message: (error as Error).message };
  }
  if (ticket === latestCheck) auditState.set(next);
}

async function audit(file: PickedFile) {
  const ticket = ++latestFile;
  // Until its bytes are in, no file is on show: a key typed meanwhile is read when they are.
  openedLog = null;
  latestCheck += 1;
  auditState.set({ status: 'reading', name: file.name });
  let bytes: Uint8Array;
  try {
    bytes = await file.bytes();
  } catch (error) {
    if (ticket === latestFile) {
      auditState.set({ status: 'failed', name: file.name, message: (error as Error).message });
    }
    return;
  }
  if (ticket !== latestFile) return;
  openedLog = { name: file.name, bytes };
  await verify(file.name, bytes, trustedKey.get());
}

function changeTrustedKey(value: string) {
  const before = trustedKey.get().trim();
  trustedKey.set(value);
  if (openedLog && value.trim() !== before) {
    void verify(openedLog.name, openedLog.bytes, value);
  }
}

export function AuditScreen() {
  const state = useValueStore(auditState);
  const key = useValueStore(trustedKey);
  const keyId = useId();
  const open = async () => {
    const files = await getPlatform().openScenarioFiles({ folder: false });
    if (files?.[0]) await audit(files[0]);
  };
  const drop = useFileDrop(async (files) => {
    if (files[0]) await audit(files[0]);
  });
  return (
    <section className={drop.dragging ? 'audit dragging' : 'audit'} {...drop.target}>
      <h1>Audit</h1>
      <div className="audit-open panel">
        <p>
          Open an exported log (<code>.json</code>) or drop it here. It is checked on this computer
          exactly as <code>truceline verify</code> checks it.
        </p>
        <div className="audit-controls">
          <button type="button" className="primary" onClick={() => void open()}>
            Open exported log…
          </button>
          <label htmlFor={keyId}>Trusted public key (optional)</label>
          <input
            id={keyId}
            className="mono"
            placeholder="base64, as in signature.public_key"
            value={key}
            onChange={(e) => changeTrustedKey(e.target.value)}
            size={48}
          />
        </div>
      </div>
      <div aria-live="polite">
        {state.status === 'reading' ? (
          <ProgressBar label={`Verifying ${state.name}`} value={null} />
        ) : null}
        {state.status === 'failed' ? (
          <p className="status status-bad" role="alert">
            ✖ {state.name} could not be read: {state.message}
          </p>
        ) : null}
        {state.status === 'done' ? <AuditedLogView log={state.log} /> : null}
      </div>
    </section>
  );
}

function AuditedLogView({ log }: { log: AuditedLog }) {
  const untrustedFrom =
    log.result.status === 'TAMPERED' && log.result.where === 'seq' ? (log.result.seq ?? 1) : null;
  const rows = decisionTimeline(log.entries, untrustedFrom);
  const alerts = decisionsByAlert(rows);
  const tamperedAfterChain =
    log.result.status === 'TAMPERED' && log.result.where !== 'seq' ? log.result.where : null;
  return (
    <>
      <h2 className="audit-file">
        {log.fileName}
        {log.exercise?.title ? <span className="muted"> — {log.exercise.title}</span> : null}
      </h2>
      <VerificationResultView result={log.result} />
      {log.result.status === 'INVALID' ? null : (
        <section aria-labelledby="reconstruction-heading">
          <h2 id="reconstruction-heading">Reconstruction from the log alone</h2>
          {log.exercise ? (
            <dl className="audit-exercise">
              <dt>Exercise</dt>
              <dd className="mono">{log.exercise.id}</dd>
              <dt>Classification</dt>
              <dd>{log.exercise.classification}</dd>
              <dt>Scenario</dt>
              <dd>
                {log.exercise.scenario_id}{' '}
                <span className="mono muted">{log.exercise.scenario_hash?.slice(0, 16)}…</span>
              </dd>
              <dt>Created</dt>
              <dd className="mono" title={log.exercise.created}>
                {log.exercise.created
                  ? `${formatLogTime(log.exercise.created, localTimezone())} (${localTimezone()})`
                  : '—'}
              </dd>
              <dt>App version</dt>
              <dd>{log.exercise.app_version}</dd>
            </dl>
          ) : null}
          {tamperedAfterChain ? (
            <p className="status status-bad">
              The entries below link up, but the {tamperedAfterChain} does not match: treat the
              whole log as unreliable.
            </p>
          ) : null}
          {untrustedFrom ? (
            <p className="status status-bad">
              Entries from position {untrustedFrom} on are struck through: they cannot be trusted.
            </p>
          ) : null}
          {log.unreadable > 0 ? (
            <p className="status status-warn">
              ⚠ {log.unreadable} entries do not have the shape of a log entry and are not shown.
            </p>
          ) : null}
          <p className="muted">
            {rows.length} decisions and system events across {alerts.length} alerts, in log order.
          </p>
          <DecisionTimelineTable rows={rows} />
        </section>
      )}
    </>
  );
}
