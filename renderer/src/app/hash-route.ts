// Screens are addressed by the URL hash (#/log): no network, survives reload,
// and the browser's back button works in the web build.
import { SCREENS, type AppStore, type Screen } from './app-store';

export function screenFromHash(hash: string): Screen | null {
  const name = hash.replace(/^#\/?/, '');
  return (SCREENS as readonly string[]).includes(name) ? (name as Screen) : null;
}

export function hashForScreen(screen: Screen): string {
  return `#/${screen}`;
}

/** Keeps the store's screen and location.hash in step; returns the unsubscribe. */
export function bindHashRoute(store: AppStore, win: Window = window): () => void {
  const fromHash = (): void => {
    const screen = screenFromHash(win.location.hash);
    if (screen) store.setScreen(screen);
  };
  fromHash();
  const toHash = (): void => {
    const wanted = hashForScreen(store.getState().screen);
    if (win.location.hash !== wanted) win.history.pushState(null, '', wanted);
  };
  toHash();
  win.addEventListener('hashchange', fromHash);
  win.addEventListener('popstate', fromHash);
  const unsubscribe = store.subscribe(toHash);
  return () => {
    win.removeEventListener('hashchange', fromHash);
    win.removeEventListener('popstate', fromHash);
    unsubscribe();
  };
}
