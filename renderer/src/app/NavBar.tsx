import type { MouseEvent } from 'react';
import { useAppState, useAppStore } from './app-context';
import { SCREEN_LABELS, SCREENS } from './app-store';
import { hashForScreen } from './hash-route';
import { shortcutFor } from './screen-shortcuts';
import './NavBar.css';

export function NavBar() {
  const store = useAppStore();
  const screen = useAppState((s) => s.screen);
  const title = useAppState((s) => s.active?.scenario.title ?? null);
  const participant = useAppState((s) => s.participant);
  return (
    <header className="nav-bar no-print">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <span className="nav-brand">Truceline</span>
      <nav aria-label="Screens">
        <ul>
          {SCREENS.map((name) => (
            <li key={name}>
              <a
                href={hashForScreen(name)}
                aria-current={name === screen ? 'page' : undefined}
                aria-keyshortcuts={shortcutFor(name)}
                title={`${SCREEN_LABELS[name]} (${shortcutFor(name)})`}
                onClick={(event) => {
                  event.preventDefault();
                  store.setScreen(name);
                }}
              >
                {SCREEN_LABELS[name]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="nav-context" aria-live="polite">
        {title ? (
          <span>
            <span className="muted">Scenario: </span>
            {title}
          </span>
        ) : (
          <span className="muted">No scenario active</span>
        )}
        {participant ? (
          <span>
            <span className="muted"> · </span>
            {participant.name} ({participant.role})
          </span>
        ) : null}
      </div>
      <button type="button" onClick={() => store.setAboutOpen(true)}>
        About
      </button>
    </header>
  );
}

function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
