// The party script of "drone-line-48h" (docs/SCENARIO-FORMAT.md section 8):
// how the simulation cell plays Party A and Party B, incident by incident, in
// line with the MSEL injects of drone-line-48h-incidents.ts
// (DRONE_LINE_INJECTS). Where an inject puts words in a party's mouth, the
// reply is those words; where the MSEL is silent, the party does what the
// default says (denies). No party admits anything the MSEL has it deny or
// justify, so no reply of this script can be judged to account for a
// violation. Controller-only: never shown to the players.
import type { PartyScript } from '../../shared/scenario/schema';
import { ROUTINE_BEHAVIOUR } from './line-72h-party-script';
import { dayTimeIso } from './notional-front';

export function droneLine48hPartyScript(localDayOne: number): PartyScript {
  const at = (day: number, hhmm: string) => dayTimeIso(localDayOne, day, hhmm);
  return {
    // Everything else along the line (the background's FPV strikes, fire and
    // overflights), as on line-72h.
    default: ROUTINE_BEHAVIOUR,
    incidents: {
      // MSEL-001: Party A calls first and blames Dorsena; Party B is silent in
      // the MSEL, so it denies as every party does by default.
      'fpv-car-istrel': {
        measures:
          'Party B to withdraw its FPV teams beyond the limit of the UAV exclusion zone (15 km), name the unit that struck the car near Istrel and report the action taken within 48 hours; both parties to confirm to the Mission the orders that carry out the drone addendum.',
        parties: {
          A: {
            acknowledge: { after_min: 2, via: 'hotline, Party A duty officer' },
            reply: {
              kind: 'counter-accuses',
              after_h: 1,
              text: 'A Dorsena drone struck a family car near Istrel and injured two civilians. We demand that the Mission identify the operators.',
            },
          },
          B: {
            acknowledge: { after_min: 20, via: 'hotline, Party B liaison officer' },
            reply: {
              kind: 'denies',
              after_h: 18,
              text: 'Party B has no drone teams near Istrel and did not strike any vehicle on the northern highway.',
            },
            accepts_measures: false,
          },
        },
      },
      // MSEL-003 (Mission HQ): no party speaks of the jamming; each denies it.
      'uav04-jammed': {
        measures:
          "Both parties to keep electronic-warfare systems out of the UAV exclusion zone (15 km) and not to interfere with the Mission's UAV flights; each to report within 48 hours on the jamming north of Jasmer.",
        parties: {
          A: {
            reply: {
              kind: 'denies',
              after_h: 12,
              text: 'Party A operates no jamming equipment near Jasmer and did not interfere with the Mission’s UAV.',
            },
          },
          B: {
            reply: {
              kind: 'denies',
              after_h: 20,
              text: 'No Party B electronic-warfare systems operate in the area of Jasmer.',
            },
          },
        },
      },
      // MSEL-013: Party B complains of Lanvera quadcopters over Rennick and
      // threatens to "answer in kind" (a hotline call of its own, not a reply);
      // Party A is silent in the MSEL and denies.
      'uav-flights-in-exclusion-zone': {
        measures:
          'No party UAV flights within the UAV exclusion zone (15 km); both parties to confirm the order to their units within 24 hours and to refrain from any answer in kind.',
        parties: {
          A: {
            reply: {
              kind: 'denies',
              after_h: 16,
              text: 'Party A flies no military UAVs within 15 km of the line. The quadcopters near Rennick are not ours.',
            },
          },
          B: {
            acknowledge: { after_min: 6, via: 'hotline, Party B duty officer' },
            reply: {
              kind: 'counter-accuses',
              after_h: 4,
              // Not the Rennick complaint of MSEL-013 (day 2): its first reply
              // comes on day 1, about Party B's own flight, before the quadcopters.
              text: 'Lanvera flies quadcopters over our positions along the line every day; our reconnaissance flights only watch them.',
            },
          },
        },
      },
      // MSEL-005 (Party B's call and meeting request), MSEL-006 (Party A's
      // statement: a strike on a "drone workshop"), MSEL-010 (the meeting).
      'power-station-strike': {
        measures:
          'No strike by any means on the Lunara power station or any other protected site; a Mission inspection of the power station within 48 hours, with both parties invited, to test the claim of a drone workshop there; safe passage for the operator’s repair crews.',
        meeting_at: at(2, '15:00'),
        parties: {
          A: {
            acknowledge: { after_min: 8, via: 'hotline, Party A duty officer' },
            reply: {
              kind: 'counter-accuses',
              after_h: 0.5,
              text: 'Lanvera struck a drone assembly workshop that Dorsena hides inside the Lunara power station.',
            },
          },
          B: {
            acknowledge: { after_min: 3, via: 'hotline, Party B duty officer' },
            reply: {
              kind: 'counter-accuses',
              after_h: 0.5,
              text: 'Lanvera fired missiles at the Lunara power station; both sides of the line are without power. We request an emergency meeting within 24 hours.',
            },
            requests_meeting: true,
          },
        },
      },
      // MSEL-007: Party A accuses Party B of drone attacks on Kerrow, "all
      // shot down by our air defence"; Party B is silent in the MSEL.
      'air-defence-kerrow': {
        parties: {
          A: {
            acknowledge: { after_min: 5, via: 'hotline, Party A duty officer' },
            reply: {
              kind: 'counter-accuses',
              after_h: 1,
              text: 'Dorsena drones attacked Kerrow tonight; our air defence shot them all down.',
            },
          },
          B: {
            reply: {
              kind: 'denies',
              after_h: 20,
              text: 'No Party B drone flew towards Kerrow. Lanvera’s air defence fired at nothing.',
            },
          },
        },
      },
      // MSEL-008 (Party B's call and meeting request), MSEL-011 (Party A's
      // denial), MSEL-012 (the meeting, both parties attend).
      'varnet-market-strike': {
        measures:
          'No strike by any means on Varnet or any other settlement; Party A to give the Mission the flight logs of its loitering-munition units for the morning of 15 September within 48 hours; a joint visit to the market with the Mission’s patrol to review the fragments and the direction of arrival.',
        meeting_at: at(2, '20:00'),
        parties: {
          A: {
            acknowledge: { after_min: 10, via: 'hotline, Party A duty officer' },
            reply: {
              kind: 'denies',
              after_h: 1,
              text: 'Lanvera did not strike Varnet. A Dorsena air-defence missile fell on the market.',
            },
            // It denies the strike, so it does not accept measures that name it.
            accepts_measures: false,
          },
          B: {
            acknowledge: { after_min: 2, via: 'hotline, Party B duty officer' },
            reply: {
              kind: 'counter-accuses',
              after_h: 1,
              text: 'A Lanvera drone strike on the Varnet market killed dozens of civilians. We request an emergency meeting today.',
            },
            requests_meeting: true,
          },
        },
      },
      // No inject: the blasting was notified by Party A the day before, and it
      // says so if asked.
      'nadell-quarry': {
        parties: {
          A: {
            reply: {
              kind: 'denies',
              after_h: 2,
              text: 'There was no military activity at Nadell: the quarry company’s blasting was notified to the Mission the day before, as the agreement requires.',
            },
          },
        },
      },
    },
  };
}
