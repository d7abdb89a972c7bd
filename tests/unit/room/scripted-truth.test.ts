// The evaluator's ground truth at a seat: from a full scenario copy, the
// scripted events grouped by incident in the order shown; from an
// operator's copy, nothing (the fields are not there to read).
import { describe, expect, it } from 'vitest';
import { scenarioViewFor } from '../../../shared/room/scenario-view';
import { scriptedTruth } from '../../../shared/room/scripted-truth';
import { roomScenario } from './room-fixture';

describe('scripted truth at a seat', () => {
  const scenario = roomScenario();
  it("lists an evaluator's scripted events by incident, in the order the exercise shows them", () => {
    const { view } = scenarioViewFor({ role: 'evaluator' }, scenario);
    const truth = scriptedTruth(view);
    const scripted = scenario.events.filter(
      (e) => e.event.truth !== undefined || e.event.expected_action !== undefined,
    );
    expect(scripted.length).toBeGreaterThan(0);
    expect(truth.flatMap((i) => i.events.map((e) => e.id)).sort()).toEqual(
      scripted.map((e) => e.event.id).sort(),
    );
    for (const incident of truth) {
      const times = incident.events.map((e) => e.shownAt);
      expect(times).toEqual([...times].sort());
    }
  });

  it("finds nothing in an operator's or a party's copy", () => {
    for (const assignment of [
      { role: 'operator' as const },
      { role: 'party' as const, parties: ['A'] },
    ]) {
      expect(scriptedTruth(scenarioViewFor(assignment, scenario).view)).toEqual([]);
    }
  });
});
