// Exercise clock text in the scenario's own time zone (date-fns 4 needs TZDate for that).
// Each text is kept once made: a TZDate works out its zone's offset through
// Intl on every construction, and the console formats the same alert and
// inject times on every render (profiled: a sixth of the UI thread's work
// during a skip over weeks went into TZDate).
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** Texts kept per pattern and zone; the cache starts over past this many. */
const KEPT = 20_000;

function keptFormat(pattern: string): (epochMs: number, timezone: string) => string {
  const byZone = new Map<string, Map<number, string>>();
  return (epochMs, timezone) => {
    let texts = byZone.get(timezone);
    if (texts === undefined) {
      texts = new Map();
      byZone.set(timezone, texts);
    }
    let text = texts.get(epochMs);
    if (text === undefined) {
      if (texts.size >= KEPT) texts.clear();
      text = format(new TZDate(epochMs, timezone), pattern);
      texts.set(epochMs, text);
    }
    return text;
  };
}

/** "2026-03-01 06:12:00 GMT+2" in `timezone`. */
export const formatExerciseTime: (epochMs: number, timezone: string) => string =
  keptFormat('yyyy-MM-dd HH:mm:ss O');

/** "06:12" in `timezone`, for compact places (queue, history). */
export const formatExerciseClock: (epochMs: number, timezone: string) => string =
  keptFormat('dd HH:mm');
