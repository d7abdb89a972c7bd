// The party script of "line-72h" (docs/SCENARIO-FORMAT.md section 8): how the
// simulation cell plays Party A and Party B, incident by incident, in line
// with the MSEL injects of line-72h-incidents.ts (LINE_72H_INJECTS): Party A's
// hotline call on Kerrow, Party B's flat denials, the meetings Exercise
// Control convenes. Controller-only: never shown to the players.
import type { PartyScript } from '../../shared/scenario/schema';
import { dayTimeIso } from './notional-front';

/**
 * Everything along the line no incident names: liaison officers answer
 * within a quarter of an hour, deny in writing the next day, attend and
 * accept measures. Both samples' background behaves so.
 */
export const ROUTINE_BEHAVIOUR: NonNullable<PartyScript['default']> = {
  acknowledge: { after_min: 12, via: 'hotline, duty officer' },
  reply: { kind: 'denies', after_h: 20 },
  meeting: 'attends',
  accepts_measures: true,
  meeting_after_h: 10,
};

export function line72hPartyScript(localDayOne: number): PartyScript {
  const at = (day: number, hhmm: string) => dayTimeIso(localDayOne, day, hhmm);
  return {
    default: ROUTINE_BEHAVIOUR,
    incidents: {
      // MSEL-003, MSEL-004, MSEL-006.
      'shelling-of-kerrow': {
        measures:
          'Party B to withdraw its 152 mm artillery beyond the limit of the artillery exclusion zone (50 km) within 24 hours and report the firing unit to the Mission; both parties to reaffirm the ceasefire around Kerrow; a joint overflight and a patrol to verify.',
        meeting_at: at(2, '14:00'),
        parties: {
          A: {
            acknowledge: { after_min: 2, via: 'hotline, Party A duty officer' },
            reply: {
              kind: 'counter-accuses',
              after_h: 1,
              text: 'Party B shelled Kerrow and killed civilians. There were no Party A mortars in the town. We request an emergency meeting within 24 hours.',
            },
            requests_meeting: true,
          },
          B: {
            acknowledge: { after_min: 25, via: 'hotline, Party B liaison officer' },
            reply: {
              kind: 'denies',
              after_h: 2,
              text: 'Party B did not fire at Kerrow. Our units returned fire at Party A mortars positioned in the town.',
            },
            accepts_measures: false,
          },
        },
      },
      // MSEL-008, MSEL-010, MSEL-011, MSEL-015.
      'mlrs-in-s2': {
        measures:
          'Party B to withdraw the four 122 mm multiple-launch rocket systems beyond the limit of the MLRS exclusion zone (70 km) within 24 hours; a joint overflight of the Marrin tree line to verify.',
        meeting_at: at(3, '10:00'),
        parties: {
          A: { acknowledge: { after_min: 4, via: 'hotline, Party A duty officer' } },
          B: {
            acknowledge: { after_min: 18, via: 'hotline, Party B liaison officer' },
            reply: {
              kind: 'denies',
              after_h: 3,
              text: 'There are no multiple rocket launchers anywhere near Marrin. The imagery is fabricated.',
            },
            accepts_measures: true,
          },
        },
      },
      // MSEL-016, MSEL-017, MSEL-020.
      'uav04-jammed': {
        measures:
          "Party B to return the wreckage of UAV-04 at the meeting's close, to keep electronic-warfare systems out of the demilitarized strip, and to let the Mission's patrols use the Istrel road without hindrance.",
        meeting_at: at(3, '21:00'),
        parties: {
          B: {
            reply: {
              kind: 'denies',
              after_h: 1,
              text: 'No electronic-warfare systems operate in the area. Party B offers to return the UAV wreckage at a meeting and requests one.',
            },
            requests_meeting: true,
          },
        },
      },
      // MSEL-012, MSEL-013.
      'da2-incursion': {
        measures:
          'Party A to withdraw its personnel from Disengagement Area 2 and fill in the dug positions within 24 hours; any demining there to be notified to the Mission in advance and escorted by a Mission patrol.',
        parties: {
          A: {
            acknowledge: { after_min: 9, via: 'hotline, Party A duty officer' },
            reply: {
              kind: 'denies',
              after_h: 1,
              text: 'The personnel in Disengagement Area 2 are a demining team working under the humanitarian demining arrangement.',
            },
          },
          B: {
            reply: {
              kind: 'counter-accuses',
              after_h: 1,
              text: 'Party A personnel are digging inside Disengagement Area 2. We demand their withdrawal.',
            },
          },
        },
      },
      // No inject: Party A owns up.
      'tank-in-s1': {
        measures:
          'Party A to withdraw the tank beyond the limit of the heavy-weapons exclusion zone (15 km) and report the disciplinary action taken against the crew within 48 hours.',
        parties: {
          A: {
            acknowledge: { after_min: 6 },
            reply: {
              kind: 'admits',
              after_h: 6,
              text: 'A Party A tank crew fired without orders. The crew has been detained and the tank ordered back to its storage site.',
            },
          },
        },
      },
      // No inject: each side blames the other.
      'clash-near-kerrow': {
        parties: {
          A: {
            reply: {
              kind: 'counter-accuses',
              after_h: 8,
              text: 'Party B opened fire first on our positions south of Kerrow; our units returned fire.',
            },
          },
          B: {
            reply: {
              kind: 'counter-accuses',
              after_h: 10,
              text: 'A Party A patrol crossed the line near Kerrow and fired on our post.',
            },
          },
        },
      },
      // MSEL-018.
      'howitzers-s3': {
        measures:
          'Party A to name the storage site and the date of arrival of the howitzers seen near the Istrel road, and to move them beyond the limit of the artillery exclusion zone (50 km) within 24 hours; a satellite pass to verify.',
        parties: {
          A: {
            reply: {
              kind: 'denies',
              after_h: 2,
              text: 'The howitzers seen near the Istrel road are in transit to a storage site.',
            },
          },
        },
      },
      // MSEL-019: Party A accuses, Party B stays silent.
      'orvale-drone-strike': {
        parties: {
          A: {
            acknowledge: { after_min: 3, via: 'hotline, Party A duty officer' },
            reply: {
              kind: 'counter-accuses',
              after_h: 1,
              text: 'A Party B drone struck a civilian tractor near Orvale and injured the driver.',
            },
          },
          B: { acknowledge: { after_min: 40 }, reply: { kind: 'no-reply' } },
        },
      },
    },
  };
}
