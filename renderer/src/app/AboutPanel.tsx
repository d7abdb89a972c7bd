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
      </dl>
    </div>
  );
}
