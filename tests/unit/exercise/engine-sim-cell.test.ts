// The SimCell status of a running engine: none for a version-1 exercise; for
// version 2, each party's requests in the open runs, titled as the console
// titles the alert, with what the party script (or, without one, the built-in
// conduct) would answer — found from the events of the alert.
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { engineSimCell } from '../../../shared/exercise/engine-sim-cell';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise } from '../../../shared/exercise/exercise-session';
import { DEFAULT_VIA } from '../../../shared/exercise/sim-cell';
import type { PartyScript, ScenarioEvent } from '../../../shared/scenario/schema';
import { MIN, T0, V1_PROTOCOL, at, buildScenario } from './hand-scenario';

const operator = { name: 'op', role: 'operator' as const };
const guns: ScenarioEvent = {
  id: 'guns',
  time: at(60),
  source: 'ground-sensor',
  type: 'artillery-fire',
  lat: -44.5,
  lon: -120.49,
  confidence: 0.9,
  weapon_class: 'artillery',
  calibre_mm: 152,
  count: 12,
  party: 'B',
  incident: 'Shelling',
};
const script = {
  incidents: {
    Shelling: {
      parties: { A: { acknowledge: 'never' }, B: { acknowledge: { after_min: 20, via: 'fax' } } },
    },
  },
} as unknown as PartyScript;

async function confirmed(documents = {}) {
  const scenario = buildScenario([guns], { partyScript: script });
  const engine = await createExercise(
    prepareExercise(scenario, 'test', documents),
    new MemoryAuditLog('ex-simcell'),
    operator,
  );
  await engine.advanceTo(T0 + 62 * MIN);
  return engine;
}

describe('the SimCell status of an engine', () => {
  it('is none for a version-1 exercise', async () => {
    const engine = await confirmed(V1_PROTOCOL);
    expect(engineSimCell(engine, engine.getSnapshot(), script)).toBeNull();
  });

  it("lists each party's acknowledgement due, titled as the console titles the alert, with the script's answer", async () => {
    const engine = await confirmed();
    const run = engine.runOf('A-guns')!;
    if (run.tracks[0]!.visits.at(-1)!.step === 'triage') {
      await engine.act('A-guns', 'confirmed-violation', {
        rationale: 'twelve rounds, sensor and drone',
      });
    } else {
      await engine.act('A-guns', 'open-tracks', {});
    }
    const snapshot = engine.getSnapshot();
    const title = snapshot.alerts.find((a) => a.id === 'A-guns')!.view.title;
    const hotline = (status: ReturnType<typeof engineSimCell>, party: string) =>
      status!.parties
        .find((p) => p.partyId === party)!
        .requests.find((r) => r.track === 'hotline')!;
    const status = engineSimCell(engine, snapshot, script);
    const b = hotline(status, 'B');
    expect([b.alertId, b.alertTitle, b.ackDue]).toEqual(['A-guns', title, true]);
    expect(b.scripted).toEqual([{ kind: 'ack', at: b.enteredAt + 20 * MIN, how: 'fax' }]);
    expect(hotline(status, 'A').scripted).toEqual([]);
    // Without the script (a party's own seat): the built-in conduct, ten minutes by the hotline.
    expect(hotline(engineSimCell(engine, snapshot, null), 'A').scripted).toEqual([
      { kind: 'ack', at: b.enteredAt + 10 * MIN, how: DEFAULT_VIA },
    ]);
  });
});
