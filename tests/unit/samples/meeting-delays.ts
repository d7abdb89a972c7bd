// The emergency meetings an MSEL convenes, each matched with the violation it
// names, so a test can hold the 24 h rule of the consultation mechanism.
import type { LoadedScenario } from '../../../shared/scenario/loaded-scenario';

export interface MeetingDelay {
  text: string;
  /** The names of `violations` the inject mentions (exactly one when it is well written). */
  named: string[];
  /** Hours from the violation to the meeting, for the first name. */
  hours: number;
}

/**
 * Every inject saying a meeting "is convened … for HH:MM local", with the
 * delay from the violation it names (`violations`: name → event id). The
 * meeting is on the inject's local day, or the next one; `utcOffsetHours`
 * is the theatre's.
 */
export function meetingDelays(
  scenario: LoadedScenario,
  violations: Readonly<Record<string, string>>,
  utcOffsetHours: number,
): MeetingDelay[] {
  const atOf = (id: string) => scenario.events.find((e) => e.event.id === id)!.at;
  return scenario.events
    .filter((e) => e.event.type === 'inject' && /is convened/.test(e.event.summary!))
    .map((meeting) => {
      const text = meeting.event.summary!;
      const named = Object.keys(violations).filter((k) => text.includes(k));
      const [, hh, mm] = /for (\d\d):(\d\d) local/.exec(text)!;
      const offset = utcOffsetHours * 3_600_000;
      const local = new Date(meeting.at + offset);
      let at =
        Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), +hh!, +mm!) -
        offset;
      if (at < meeting.at) at += 86_400_000;
      const hours = named[0] ? (at - atOf(violations[named[0]]!)) / 3_600_000 : NaN;
      return { text, named, hours };
    });
}
