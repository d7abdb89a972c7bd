// Alt+1…Alt+5 switch screens from anywhere; the console's own keys use no Alt,
// so the two never meet.
import { SCREENS, type AppStore, type Screen } from './app-store';

/** The Alt+digit shortcut of a screen, as aria-keyshortcuts spells it. */
export function shortcutFor(screen: Screen): string {
  return `Alt+${SCREENS.indexOf(screen) + 1}`;
}

/** Listens for Alt+digit on the window; returns the unsubscribe. */
export function bindScreenShortcuts(store: AppStore, win: Window = window): () => void {
  const onKey = (event: KeyboardEvent): void => {
    if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.defaultPrevented) return;
    const index = /^Digit([1-9])$/.exec(event.code)?.[1];
    const screen = index ? SCREENS[Number(index) - 1] : undefined;
    if (!screen) return;
    event.preventDefault();
    store.setScreen(screen);
  };
  win.addEventListener('keydown', onKey);
  return () => win.removeEventListener('keydown', onKey);
}
