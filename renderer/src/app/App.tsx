import { useEffect, useMemo } from 'react';
import { AuditScreen } from '../audit/AuditScreen';
import { LibraryStoreProvider } from '../library/library-context';
import { createLibraryStore } from '../library/library-store';
import { LibraryScreen } from '../library/LibraryScreen';
import { LogScreen } from '../log/LogScreen';
import { ReportScreen } from '../report/ReportScreen';
import { ClassificationBanner } from '../ui/ClassificationBanner';
import { ScreenBoundary } from '../ui/ScreenBoundary';
import { AboutPanel } from './AboutPanel';
import { AppStoreProvider, useAppState } from './app-context';
import { createAppStore, SCREEN_LABELS, type Screen } from './app-store';
import { ConsoleRoute } from './ConsoleRoute';
import { bindHashRoute } from './hash-route';
import { NavBar } from './NavBar';
import '../ui/theme.css';
import './App.css';

export function App() {
  const store = useMemo(() => createAppStore(), []);
  const library = useMemo(() => createLibraryStore(), []);
  useEffect(() => bindHashRoute(store), [store]);
  return (
    <AppStoreProvider store={store}>
      <LibraryStoreProvider store={library}>
        <Shell />
      </LibraryStoreProvider>
    </AppStoreProvider>
  );
}

const DEFAULT_CLASSIFICATION = 'EXERCISE';

function Shell() {
  const screen = useAppState((s) => s.screen);
  const classification = useAppState(
    (s) => s.active?.scenario.classification ?? DEFAULT_CLASSIFICATION,
  );
  useEffect(() => {
    document.title = `Truceline — ${SCREEN_LABELS[screen]} — ${classification}`;
  }, [screen, classification]);
  return (
    <div className="app-shell">
      <ClassificationBanner classification={classification} position="top" />
      <NavBar />
      <main className="app-main" id="main" tabIndex={-1} data-screen={screen}>
        <ScreenBoundary key={screen} name={SCREEN_LABELS[screen]}>
          <ScreenView screen={screen} />
        </ScreenBoundary>
      </main>
      <ClassificationBanner classification={classification} position="bottom" />
      <AboutPanel />
    </div>
  );
}

function ScreenView({ screen }: { screen: Screen }) {
  switch (screen) {
    case 'library':
      return <LibraryScreen />;
    case 'console':
      return <ConsoleRoute />;
    case 'log':
      return <LogScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'report':
      return <ReportScreen />;
  }
}
