import { useState } from 'react';
import { Dialog } from '../ui/Dialog';
import { useAppState, useAppStore } from './app-context';
import { useAboutInfo } from './use-about-info';
import './AboutPanel.css';

export const OFFLINE_GUARANTEE =
  'Truceline makes no network connections; everything stays on this computer.';

export function AboutPanel() {
  const store = useAppStore();
  const open = useAppState((s) => s.aboutOpen);
  return (
    <Dialog open={open} title="About Truceline" onClose={() => store.setAboutOpen(false)}>
      {open ? <AboutBody /> : null}
    </Dialog>
  );
}

function AboutBody() {
  const info = useAboutInfo();
  return (
    <div className="about">
      <p>
        An offline console for ceasefire-verification <strong>exercises</strong>. Every screen and
        export is marked EXERCISE; nothing here is real-world reporting.
      </p>
      <dl>
        <dt>Version</dt>
        <dd data-testid="about-version">{info.version}</dd>
        <dt>Running as</dt>
        <dd>{info.platformLabel}</dd>
        <dt>Network</dt>
        <dd data-testid="about-offline">{OFFLINE_GUARANTEE}</dd>
        <dt>Where data is kept</dt>
        <dd>{info.storageLocation}</dd>
        <dt>Installation key id</dt>
        <dd>
          <code data-testid="about-key-id">{info.keyId}</code>
          <div className="muted">
            Exported logs are signed with this installation’s key. Auditors compare this id with the
            one printed on a verified log.
          </div>
        </dd>
        <dt>Public key</dt>
        <dd>
          {info.publicKey ? <PublicKey value={info.publicKey} /> : '—'}
          <div className="muted">
            Give this to auditors: pasted into the Audit screen’s trusted key, or passed to{' '}
            <code>truceline verify --public-key</code>, it proves a log was signed here.
          </div>
        </dd>
      </dl>
    </div>
  );
}

function PublicKey({ value }: { value: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = () => {
    // Either platform may refuse the clipboard (a page that is not a secure context, a
    // denied permission): the key stays on show, selectable, and the refusal is said.
    // (navigator.clipboard itself is missing outside a secure context, hence the wrapping.)
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(value))
      .then(
        () => setCopied('yes'),
        () => setCopied('failed'),
      );
  };
  return (
    <div className="about-public-key">
      <code data-testid="about-public-key">{value}</code>{' '}
      <button type="button" onClick={copy}>
        Copy public key
      </button>
      <span role="status" className="muted">
        {copied === 'yes' ? ' Copied.' : null}
        {copied === 'failed' ? ' Could not copy: select the key and copy it by hand.' : null}
      </span>
    </div>
  );
}
