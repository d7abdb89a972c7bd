// What follows the window's height as it is resized: the queue's compact rows
// and the left column's panels that fold on a short window (1280×800), so the
// alert queue keeps its rows whether the console opened short or was made so.
import { useCallback, useState, useSyncExternalStore } from 'react';

/** True while the CSS media `query` matches, re-rendering as that changes. */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/**
 * A panel's open state, folded while `foldedWhen` (a media query) matches and
 * open otherwise. A click's choice holds until the window crosses the line;
 * then the window decides again, and crossing back restores that choice (the
 * last click's, on the side it was made on).
 */
export function usePanelOpen(foldedWhen: string): [boolean, (open: boolean) => void] {
  const folds = useMediaQuery(foldedWhen);
  const [choice, setChoice] = useState<{ open: boolean; folds: boolean } | null>(null);
  const open = choice !== null && choice.folds === folds ? choice.open : !folds;
  return [open, (next: boolean) => setChoice({ open: next, folds })];
}
