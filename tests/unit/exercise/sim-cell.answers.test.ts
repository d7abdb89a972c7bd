// The simulation cell's answers for an alert, asked directly (the version-1
// operator asks them through its policy, sim-cell.parties.test.ts): when each
// party acknowledges and by what means, who replies when and in what words,
// when the joint commission meets and who refuses it or rejects the measures,
// and which measures are proposed; an alert linked with a scripted one plays
// by that incident's script.
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise } from '../../../shared/exercise/exercise-session';
import { createSimCell, replyText } from '../../../shared/exercise/sim-cell';
import type { PartyScript, ScenarioEvent } from '../../../shared/scenario/schema';
import { MIN, T0, at, buildScenario } from './hand-scenario';

const HOUR = 60 * MIN;
const operator = { name: 'op', role: 'operator' as const };

const guns: ScenarioEvent = {
  id: 'guns',
  time: at(60),
  source: 'ground-sensor',
  type: 'artillery-fire',
  lat: -44.5,
  lon: -120.49,
  confidence: 0.8,
  weapon_class: 'artillery',
  party: 'B',
  incident: 'Shelling',
};
/** Far from the guns: an alert of its own, naming no incident. */
const patrol: ScenarioEvent = {
  id: 'patrol',
  time: at(61),
  source: 'observer',
  type: 'small-arms-fire',
  lat: -44.9,
  lon: -120.3,
  confidence: 0.6,
};

const partyScript = {
  default: { meeting_after_h: 5, acknowledge: 'never' },
  incidents: {
    Shelling: {
      meeting_after_h: 2,
      measures: 'Party B to pull its guns back 50 km.',
      parties: {
        A: { acknowledge: { after_min: 7 }, reply: { kind: 'no-reply' } },
        B: {
          acknowledge: { after_min: 20, via: 'fax' },
          reply: { kind: 'counter-accuses', after_h: 3 },
          meeting: 'attends',
          accepts_measures: false,
        },
      },
    },
  },
} as unknown as PartyScript;

async function exerciseAt(minute: number, script: PartyScript | null = partyScript) {
  const scenario = buildScenario([guns, patrol], { partyScript: script });
  const engine = await createExercise(
    prepareExercise(scenario, 'test'),
    new MemoryAuditLog('ex-sim'),
    operator,
  );
  await engine.advanceTo(T0 + minute * MIN);
  const alert = (id: string) => engine.getSnapshot().alerts.find((a) => a.id === id)!;
  return { engine, alert };
}

describe('the simulation cell, asked directly', () => {
  it("acknowledges when each party's script says, or never", async () => {
    const { engine, alert } = await exerciseAt(62);
    const cell = createSimCell();
    const called = T0 + 65 * MIN;
    expect(cell.acknowledgement(engine, alert('A-guns'), 'A', called)).toEqual({
      at: called + 7 * MIN,
      via: 'hotline, duty officer',
    });
    expect(cell.acknowledgement(engine, alert('A-guns'), 'B', called)).toEqual({
      at: called + 20 * MIN,
      via: 'fax',
    });
    // The patrol's alert names no incident: the script's default, which never acknowledges.
    expect(cell.acknowledgement(engine, alert('A-patrol'), 'B', called)).toBeNull();
  });

  it('replies for each party asked but a silent one, after its hours, in words naming the alert', async () => {
    const { engine, alert } = await exerciseAt(62);
    const asked = T0 + 2 * HOUR;
    const shelling = alert('A-guns');
    expect(createSimCell().replies(engine, shelling, ['A', 'B'], asked)).toEqual([
      {
        partyId: 'B',
        kind: 'counter-accuses',
        at: asked + 3 * HOUR,
        text: replyText('Party B', 'counter-accuses', shelling.view.title),
      },
    ]);
    // Without a script: the built-in denial a day later.
    const plain = await exerciseAt(62, null);
    expect(createSimCell().replies(plain.engine, plain.alert('A-guns'), ['A'], asked)).toEqual([
      {
        partyId: 'A',
        kind: 'denies',
        at: asked + 24 * HOUR,
        text: replyText('Party A', 'denies', plain.alert('A-guns').view.title),
      },
    ]);
  });

  it("meets when the incident's script says, naming who refuses and who rejects the measures", async () => {
    const { engine, alert } = await exerciseAt(62);
    const convened = T0 + 4 * HOUR;
    expect(createSimCell().meeting(engine, alert('A-guns'), convened)).toEqual({
      at: convened + 2 * HOUR,
      refused: [],
      rejected: ['B'],
      measures: 'Party B to pull its guns back 50 km.',
    });
    // The patrol's alert: the default's five hours, the built-in conduct, measures from the alert.
    const patrolMeeting = createSimCell().meeting(engine, alert('A-patrol'), convened);
    expect(patrolMeeting.at).toBe(convened + 5 * HOUR);
    expect([patrolMeeting.refused, patrolMeeting.rejected]).toEqual([[], []]);
    expect(patrolMeeting.measures).toMatch(/^Both parties to reaffirm the local ceasefire/);
    // No script at all: eight hours.
    const plain = await exerciseAt(62, null);
    expect(createSimCell().meeting(plain.engine, plain.alert('A-guns'), convened).at).toBe(
      convened + 8 * HOUR,
    );
  });

  it('meets at the time the script fixes, whenever it was convened', async () => {
    const fixed = structuredClone(partyScript) as unknown as {
      incidents: { Shelling: { meeting_at?: string; parties: { A: { meeting?: string } } } };
    };
    fixed.incidents.Shelling.meeting_at = at(600);
    fixed.incidents.Shelling.parties.A.meeting = 'refuses';
    const { engine, alert } = await exerciseAt(62, fixed as unknown as PartyScript);
    const meeting = createSimCell().meeting(engine, alert('A-guns'), T0 + 4 * HOUR);
    expect(meeting.at).toBe(T0 + 600 * MIN);
    expect(meeting.refused).toEqual(['A']);
  });

  it("plays an alert linked with a scripted one by that incident's script", async () => {
    const { engine, alert } = await exerciseAt(62);
    await engine.link('A-guns', 'A-patrol');
    const cell = createSimCell();
    expect(cell.measures(engine, alert('A-patrol'))).toBe('Party B to pull its guns back 50 km.');
    expect(cell.acknowledgement(engine, alert('A-patrol'), 'B', T0)).toEqual({
      at: T0 + 20 * MIN,
      via: 'fax',
    });
  });
});
