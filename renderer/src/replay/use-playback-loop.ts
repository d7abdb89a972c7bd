// One requestAnimationFrame loop per console: each frame hands the clock the
// wall time elapsed since the previous frame; the clock turns that into
// `elapsed × speed` of exercise time (capped) and notifies once per frame.
import { useEffect } from 'react';

/** Calls `tick(wallMs)` every animation frame while `playing`. */
export function usePlaybackLoop(playing: boolean, tick: (wallMs: number) => void): void {
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function loop(now) {
      const elapsed = now - last;
      last = now;
      tick(elapsed);
      frame = requestAnimationFrame(loop);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, tick]);
}
