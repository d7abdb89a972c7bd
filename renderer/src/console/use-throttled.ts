import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * `value`, updated at most every `ms` of wall time (the last value always lands).
 * The update renders in its own task: left to React, it would join the next
 * animation frame's render and lengthen that frame by the throttled redraw
 * (the timeline chart's is the heaviest).
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [throttled, setThrottled] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = last.current + ms - performance.now();
    const timer = setTimeout(
      () => {
        last.current = performance.now();
        flushSync(() => setThrottled(value));
      },
      Math.max(0, wait),
    );
    return () => clearTimeout(timer);
  }, [value, ms]);
  return throttled;
}
