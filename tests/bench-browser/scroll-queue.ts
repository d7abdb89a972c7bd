// The alert queue scrolled frame by frame, as the browser benches measure it:
// `px` pixels each animation frame, from where it stands (or the top) to the
// bottom or for at most `frames` frames, with the gap between frames recorded.
import type { Page } from '@playwright/test';

export interface QueueScroll {
  /** Frames measured (the first gap, before any scrolling, is left out). */
  frames: number;
  meanMs: number;
  worstMs: number;
  /** Frames whose gap was over 50 ms. */
  over50: number;
  /** Alert rows in the DOM at the end (the virtualised list's window). */
  rows: number;
  /** The list's whole height, px. */
  height: number;
  wallMs: number;
}

export function scrollQueue(
  page: Page,
  options: { px: number; frames: number; fromTop?: boolean },
): Promise<QueueScroll> {
  return page.locator('.alert-queue-scroll').evaluate(
    (el, { px, frames, fromTop }) =>
      new Promise<QueueScroll>((resolve) => {
        if (fromTop) el.scrollTop = 0;
        const gaps: number[] = [];
        const t0 = performance.now();
        let last = t0;
        const step = () => {
          const now = performance.now();
          gaps.push(now - last);
          last = now;
          el.scrollTop += px;
          const bottom = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
          if (bottom || gaps.length > frames) {
            const measured = gaps.slice(1);
            resolve({
              frames: measured.length,
              meanMs: measured.reduce((a, b) => a + b, 0) / Math.max(1, measured.length),
              worstMs: Math.max(0, ...measured),
              over50: measured.filter((g) => g > 50).length,
              rows: el.querySelectorAll('[data-alert-id]').length,
              height: el.scrollHeight,
              wallMs: performance.now() - t0,
            });
          } else requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    { px: options.px, frames: options.frames, fromTop: options.fromTop ?? false },
  );
}
