// The words the console, Log and Report screens put on the two measures of
// docs/ALERTS-AND-SEVERITY.md (gravity and certainty), an alert's state and a
// report's section-8 fields. Pure, so that the screens agree and a test can
// read them without React.
import type { ReplayEvent } from '../../../shared/scenario/loaded-scenario';
import type { PeopleCount } from '../../../shared/scenario/schema';
import type { AlertState, AlertView, CertaintyBand } from '../console/view-model';

/** Gravity 0–100 as shown: one decimal, as the engine rounds it. */
export function formatGravity(gravity: number): string {
  return gravity.toFixed(1);
}

/** Certainty 0–1 as shown: two decimals, as the engine rounds it. */
export function formatCertainty(certainty: number): string {
  return certainty.toFixed(2);
}

/** Each certainty band in words: the chip's text and what it means. */
export const CERTAINTY_BAND_TEXT: Record<
  CertaintyBand,
  { label: string; short: string; meaning: string }
> = {
  confirmed: { label: 'confirmed', short: 'conf', meaning: 'certainty at least 0.80' },
  probable: { label: 'probable', short: 'prob', meaning: 'certainty at least 0.60' },
  possible: { label: 'possible', short: 'poss', meaning: 'certainty at least 0.35' },
  unconfirmed: { label: 'unconfirmed', short: 'unconf', meaning: 'certainty below 0.35' },
  cleared: {
    label: 'cleared',
    short: 'clrd',
    meaning: 'a report on the ground cleared it: consider closing it as a false alarm',
  },
};

/** Shown instead of a certainty where the log's model recorded none. */
export const CERTAINTY_NOT_RECORDED = 'certainty not recorded (version-1 model)';

/** An alert's state in words, or null for an active one (the usual case needs no word). */
export function stateText(state: AlertState): string | null {
  switch (state) {
    case 'active':
      return null;
    case 'cleared':
      return 'cleared — consider closing as a false alarm';
    case 'quiet':
      return 'quiet';
    case 'closed':
      return 'closed';
  }
}

/** A people count as reported: `3`, or `2–3–5` (low–best–high) for a range. */
export function formatPeople(count: PeopleCount): string {
  if (typeof count === 'number') return String(count);
  if (count.low === count.high) return String(count.best);
  return `${count.low}–${count.best}–${count.high}`;
}

/**
 * The section-8 fields of a report (docs/SCENARIO-FORMAT.md) that it gives,
 * as label and text, in a fixed order. `incident` is controller-only ground
 * truth and is never among them.
 */
export function reportFacts(event: ReplayEvent['event']): { label: string; text: string }[] {
  const facts: { label: string; text: string }[] = [];
  const people: [string, PeopleCount | undefined][] = [
    ['killed', event.killed ?? event.casualties],
    ['injured', event.injured],
    ['civilians killed', event.civilian_killed],
    ['civilians injured', event.civilian_injured],
  ];
  for (const [label, count] of people) {
    if (count !== undefined) facts.push({ label, text: formatPeople(count) });
  }
  // A launch's direction of fire is what ties it to the impact it caused,
  // often a separate alert (the operator links them). A patrol's bearing is
  // the one it saw or heard the fire on, from where it stood.
  if (event.bearing_deg !== undefined) {
    const launch = event.subtype === 'outgoing' || event.subtype === 'firing-position';
    const label =
      event.source === 'observer' ? 'bearing from the patrol' : launch ? 'direction of fire' : null;
    if (label) facts.push({ label, text: `${event.bearing_deg}°` });
  }
  if (event.target !== undefined) facts.push({ label: 'target', text: event.target });
  if (event.assessment !== undefined) facts.push({ label: 'assessment', text: event.assessment });
  if (event.refers_to !== undefined) facts.push({ label: 'refers to', text: event.refers_to });
  return facts;
}

/**
 * Alerts that may be linked into `alert`'s incident, in queue order: not
 * itself, not closed, not already in its incident. At most `limit`.
 */
export function linkCandidates(
  alerts: readonly AlertView[],
  alert: AlertView,
  limit = 100,
): AlertView[] {
  const same = new Set(alert.incident?.alertIds ?? [alert.id]);
  const out: AlertView[] = [];
  for (const a of alerts) {
    if (out.length >= limit) break;
    if (same.has(a.id) || a.state === 'closed' || a.protocol?.closed) continue;
    out.push(a);
  }
  return out;
}
