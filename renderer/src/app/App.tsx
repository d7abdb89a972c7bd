import { lazy, Suspense, useEffect, useMemo } from 'react';
import { startLibrary } from '../library/library-actions';
import { LibraryStoreProvider } from '../library/library-context';
import { createLibraryStore } from '../library/library-store';
import { LibraryScreen } from '../library/LibraryScreen';
import { ClassificationBanner } from '../ui/ClassificationBanner';
import { ScreenBoundary } from '../ui/ScreenBoundary';
import { AboutPanel } from './AboutPanel';
import { AppStoreProvider, useAppState } from './app-context';
import { createAppStore, SCREEN_LABELS, type Screen } from './app-store';
import { ConsoleRoute } from './ConsoleRoute';
import { bindHashRoute } from './hash-route';
import { NavBar } from './NavBar';
import { bindScreenShortcuts } from './screen-shortcuts';
import { bindSessionRestore } from './session-restore';
import '../ui/theme.css';
import './App.css';

export function App() {
  const store = useMemo(() => createAppStore(), []);
  const library = useMemo(() => createLibraryStore(), []);
  useEffect(() => bindHashRoute(store), [store]);
  useEffect(() => bindScreenShortcuts(store), [store]);
  useEffect(() => {
    const unbind = bindSessionRestore(store, library);
    startLibrary(library);
    return unbind;
  }, [store, library]);
  return (
    <AppStoreProvider store={store}>
      <LibraryStoreProvider store={library}>
        <Shell />
      </LibraryStoreProvider>
    </AppStoreProvider>
  );
}

const DEFAULT_CLASSIFICATION = 'EXERCISE';

// Log, Audit and Report pull in the exercise engine, Dexie queries and charts:
// loaded when first visited so the Library paints fast.
const LogScreen = lazy(async () => ({ default: (await import('../log/LogScreen')).LogScreen }));
const AuditScreen = lazy(async () => ({
  default: (await import('../audit/AuditScreen')).AuditScreen,
}));
const ReportScreen = lazy(async () => ({
  default: (await import('../report/ReportScreen')).ReportScreen,
}));

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
          <Suspense fallback={<p className="muted">Opening {SCREEN_LABELS[screen]}…</p>}>
            <ScreenView screen={screen} />
          </Suspense>
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
