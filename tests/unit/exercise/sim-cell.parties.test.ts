// The simulation cell plays the parties from the scenario's party script
// (docs/SCENARIO-FORMAT.md section 8), and the operator policy hears only
// what the parties say: a scripted denial is recorded verbatim and judged
// unsatisfactory, a party that never acknowledges lets the notify deadline
// pass, the measures are the incident's, and the operator never reads the
// controller-only fields the cell finds the script with.
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { createAutoOperator } from '../../../shared/exercise/auto-operator';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { runHeadlessExercise } from '../../../shared/exercise/run-headless';
import { createSimCell, defaultMeasures, type PartySide } from '../../../shared/exercise/sim-cell';
import type { LoadedScenario } from '../../../shared/scenario/loaded-scenario';
import type { PartyScript, ScenarioEvent } from '../../../shared/scenario/schema';
import { MIN, ZONES, at, buildScenario, V1_PROTOCOL } from './hand-scenario';

const operator = { name: 'auto', role: 'operator' as const };
const WALL = () => new Date('2026-11-26T10:00:00.000Z');

/** Party B's guns firing inside Exclusion Zone 1, with a casualty: escalated at triage. */
function shelling(incident = 'guns'): ScenarioEvent[] {
  return [
    {
      id: 'guns-gs',
      time: at(120),
      source: 'ground-sensor',
      type: 'artillery-fire',
      lat: -44.5,
      lon: -120.49,
      confidence: 0.8,
      weapon_class: 'artillery',
      calibre_mm: 152,
      count: 8,
      party: 'B',
      truth: 'violation',
      expected_action: 'Notify every party within 30 min.',
      incident,
    },
    {
      id: 'guns-obs',
      time: at(122),
      source: 'observer',
      type: 'explosion',
      subtype: 'impact',
      lat: -44.5,
      lon: -120.51,
      confidence: 0.8,
      casualties: 1,
      truth: 'violation',
      incident,
    },
  ];
}

async function play(
  events: ScenarioEvent[],
  partyScript: PartyScript | null,
  parties: PartySide = createSimCell(),
  scenario: LoadedScenario = buildScenario(events, { partyScript }),
) {
  const log = new MemoryAuditLog('ex', { now: WALL });
  await runHeadlessExercise({
    setup: prepareExercise(scenario, 'test', V1_PROTOCOL),
    log,
    policy: createAutoOperator(operator, parties),
  });
  return log.entries();
}

const DENIAL = 'Our artillery has not fired since the ceasefire came into force.';
const MEASURES =
  'Party B to withdraw its 152 mm guns beyond the limit of Exclusion Zone 1 within 24 hours.';

const script = (b: NonNullable<PartyScript['incidents']>[string]['parties']): PartyScript => ({
  incidents: { guns: { measures: MEASURES, meeting_after_h: 3, parties: b } },
});

const actionsOf = (entries: Awaited<ReturnType<typeof play>>) =>
  entries.filter((e) => e.kind === 'protocol-action' && e.data.action !== undefined);

describe('the simulation cell', () => {
  it('a scripted denial is recorded verbatim and judged unsatisfactory, never satisfactory', async () => {
    const entries = await play(
      shelling(),
      script({ B: { reply: { kind: 'denies', after_h: 2, text: DENIAL } } }),
    );
    const note = entries.find((e) => e.kind === 'note' && String(e.data.text).includes(DENIAL))!;
    expect(note.data.text).toBe(
      `Reply to the request for explanation from Party B (denies): "${DENIAL}"`,
    );
    const actions = actionsOf(entries).map((e) => e.data.action);
    expect(actions).not.toContain('satisfactory-reply');
    const judged = actionsOf(entries).find((e) => e.data.action === 'unsatisfactory-reply')!;
    expect((judged.data.inputs as { rationale: string }).rationale).toContain(
      `Party B denies: "${DENIAL}"`,
    );
    // The reply came 2 hours after the request; the judgement follows its note.
    const asked = entries.find(
      (e) => e.kind === 'protocol-action' && e.data.to === 'request-explanation',
    )!;
    expect(
      Date.parse(note.exercise_time!) - Date.parse(asked.exercise_time!),
    ).toBeGreaterThanOrEqual(120 * MIN);
    expect(Date.parse(judged.exercise_time!)).toBeGreaterThan(Date.parse(note.exercise_time!));
  });

  it('an admission is judged satisfactory: the script, not chance, decides', async () => {
    const entries = await play(
      shelling(),
      script({ B: { reply: { kind: 'admits', after_h: 1, text: 'A battery fired in error.' } } }),
    );
    const actions = actionsOf(entries).map((e) => e.data.action);
    expect(actions).toContain('satisfactory-reply');
    expect(actions).not.toContain('unsatisfactory-reply');
  });

  it('a party scripted never to acknowledge lets the notify deadline pass', async () => {
    const entries = await play(shelling(), script({ B: { acknowledge: 'never' } }));
    const acks = entries.filter((e) => e.kind === 'party-ack').map((e) => e.data.party);
    expect(acks).toEqual(['A']);
    const notify = entries.find((e) => e.kind === 'protocol-action' && e.data.to === 'notify')!;
    const breach = entries.find((e) => e.kind === 'deadline-breach' && e.step_id === 'notify')!;
    expect(Date.parse(breach.exercise_time!) - Date.parse(notify.exercise_time!)).toBe(30 * MIN);
    expect(actionsOf(entries).map((e) => e.data.action)).not.toContain('all-acknowledged');
  });

  it('the measures agreed are the incident script’s; a refusal to attend means no agreement', async () => {
    const agreed = await play(
      shelling(),
      script({ B: { reply: { kind: 'denies', after_h: 1, text: DENIAL } } }),
    );
    const measures = actionsOf(agreed).find((e) => e.data.action === 'measures-agreed')!;
    expect(measures.data.inputs).toEqual({ measures: MEASURES });
    const refused = await play(
      shelling(),
      script({ B: { reply: { kind: 'denies', after_h: 1, text: DENIAL }, meeting: 'refuses' } }),
    );
    const none = actionsOf(refused).find((e) => e.data.action === 'no-agreement')!;
    expect(none.data.inputs).toEqual({
      rationale: 'Party B refused to attend the emergency meeting; no measures could be agreed.',
    });
  });

  it('without a script, derives the measures from what the alert is, never "withdraw uav" for a trench', () => {
    const base = { time: at(60), confidence: 0.8, lat: -44.5, lon: -120.5 };
    const measuresFor = (events: ScenarioEvent[]) =>
      defaultMeasures(buildScenario(events).events, ZONES, (id) => `Party ${id}`);
    const trench = measuresFor([
      {
        ...base,
        id: 't',
        source: 'drone',
        type: 'fortification-work',
        weapon_class: 'uav',
        party: 'B',
      },
    ]);
    expect(trench).toBe(
      'Party B to stop the works and restore the strip to its prior state within 72 hours; a joint overflight to verify.',
    );
    expect(trench).not.toMatch(/withdraw|uav/i);
    expect(
      measuresFor([
        { ...base, id: 'u', source: 'observer', type: 'uav-overflight', weapon_class: 'uav' },
      ]),
    ).toBe(
      'No party UAV flights in the zone; both parties to confirm the order to their units within 24 hours.',
    );
    expect(
      measuresFor([
        { ...base, id: 'g', source: 'ground-sensor', type: 'artillery-fire', party: 'A' },
      ]),
    ).toBe(
      'Party A to withdraw its artillery beyond the limit of the Exclusion Zone 1 within 24 hours; a joint overflight to verify.',
    );
    expect(
      measuresFor([
        { ...base, id: 's', source: 'ground-sensor', type: 'small-arms-fire', lat: -44.9 },
      ]),
    ).toBe(
      'Both parties to reaffirm the local ceasefire and reissue fire-discipline orders to their units in the sector; reported back within 24 hours.',
    );
  });

  it('plays the same scenario the same way every time', async () => {
    const s = script({ B: { reply: { kind: 'counter-accuses', after_h: 3 } } });
    expect(await play(shelling(), s)).toEqual(await play(shelling(), s));
  });
});

describe('the operator side of the boundary', () => {
  it('never reads truth, expected_action or incident of an event, nor the party script', async () => {
    const scenario = buildScenario(shelling(), { partyScript: script({}) });
    const reads: string[] = [];
    const watched = new Set(['truth', 'expected_action', 'incident']);
    const spied: LoadedScenario = {
      ...scenario,
      events: scenario.events.map((r) => ({
        ...r,
        event: new Proxy(r.event, {
          get(target, key, receiver) {
            if (typeof key === 'string' && watched.has(key)) reads.push(`${target.id}.${key}`);
            return Reflect.get(target, key, receiver) as unknown;
          },
        }),
      })),
      get partyScript() {
        reads.push('partyScript');
        return scenario.partyScript;
      },
    };
    // Parties that answer without looking at anything: every read left is the operator's (or the engine's).
    const blind: PartySide = {
      acknowledgement: (_e, _a, _p, calledAt) => ({ at: calledAt + 5 * MIN, via: 'hotline' }),
      replies: (_e, _a, ids, askedAt) =>
        ids.map((partyId) => ({ partyId, kind: 'denies', at: askedAt + 60 * MIN, text: 'No.' })),
      meeting: (_e, _a, convenedAt) => ({
        at: convenedAt + 60 * MIN,
        refused: [],
        rejected: [],
        measures: 'Stop.',
      }),
      measures: () => 'Stop.',
    };
    const entries = await play(shelling(), null, blind, spied);
    expect(actionsOf(entries).map((e) => e.data.action)).toContain('measures-agreed');
    expect(reads).toEqual([]);
    // The same run with the simulation cell does read them: the cell is the only reader.
    await play(shelling(), null, createSimCell(), spied);
    expect(reads).toContain('partyScript');
    expect(reads).toContain('guns-gs.incident');
  });

  it('whatever the script says, the operator records it only through what the parties say', async () => {
    // Renaming the incident unhooks the script: the parties fall back to the built-in conduct.
    const unhooked = await play(
      shelling('other'),
      script({ B: { reply: { kind: 'admits', after_h: 1, text: 'Fired in error.' } } }),
    );
    expect(actionsOf(unhooked).map((e) => e.data.action)).not.toContain('satisfactory-reply');
  });
});
