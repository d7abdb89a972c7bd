// The console's keyboard map, as data: the shortcut sheet lists exactly what
// the handler binds.

export type ConsoleKeyCommand =
  | 'play-pause'
  | 'step-event'
  | 'step-alert'
  | 'next-alert'
  | 'previous-alert'
  | 'acknowledge'
  | 'search-queue'
  | 'shortcuts'
  | 'close-sheet';

export const SHORTCUTS: readonly { keys: string; command: ConsoleKeyCommand; what: string }[] = [
  { keys: 'Space', command: 'play-pause', what: 'Play / pause the exercise clock' },
  { keys: '→', command: 'step-event', what: 'Step to the next event' },
  { keys: 'Shift + →', command: 'step-alert', what: 'Step to the next alert' },
  { keys: 'J', command: 'next-alert', what: 'Select the next alert in the queue' },
  { keys: 'K', command: 'previous-alert', what: 'Select the previous alert in the queue' },
  { keys: 'A', command: 'acknowledge', what: 'Acknowledge the selected alert' },
  { keys: '/', command: 'search-queue', what: 'Search the alert queue' },
  { keys: '?', command: 'shortcuts', what: 'Show this sheet' },
  { keys: 'Esc', command: 'close-sheet', what: 'Close this sheet' },
];

/** The command for a key press, or null when the key is not the console's (or typing). */
export function commandForKey(e: {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  targetTag: string;
  targetEditable: boolean;
}): ConsoleKeyCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const typing =
    e.targetEditable ||
    e.targetTag === 'INPUT' ||
    e.targetTag === 'TEXTAREA' ||
    e.targetTag === 'SELECT';
  if (e.key === 'Escape') return 'close-sheet';
  if (typing) return null;
  switch (e.key) {
    case ' ':
      return e.targetTag === 'BUTTON' ? null : 'play-pause';
    case 'ArrowRight':
      return e.shiftKey ? 'step-alert' : 'step-event';
    case 'j':
    case 'J':
      return 'next-alert';
    case 'k':
    case 'K':
      return 'previous-alert';
    case 'a':
    case 'A':
      return 'acknowledge';
    case '/':
      return 'search-queue';
    case '?':
      return 'shortcuts';
    default:
      return null;
  }
}
