// The side of the line a firing point lies on (shared/exercise/side-of-line.ts),
// on the bundled line-72h's geography: the ground sensors' unattributed
// reports of outgoing fire are placed on the side of the party the drones
// later name, and an impact in a town on the town's side.
import { beforeAll, describe, expect, it } from 'vitest';
import { partyOnSide } from '../../../shared/exercise/side-of-line';
import { loadScenarioFromPath } from '../../../shared/node/scenario/load-path';
import type { LoadedScenario } from '../../../shared/scenario/loaded-scenario';

let scenario: LoadedScenario;
beforeAll(async () => {
  const outcome = await loadScenarioFromPath('sample-feeds/line-72h');
  if (!outcome.ok || outcome.kind !== 'scenario') throw new Error('line-72h did not load');
  scenario = outcome.scenario;
});

function sideOf(eventId: string): string | null {
  const e = scenario.events.find((r) => r.event.id === eventId)!.event;
  return partyOnSide(e.lon!, e.lat!, scenario.zones);
}

describe('side of the line of contact', () => {
  it('places unattributed outgoing fire on the side of the party that fired', () => {
    // The drones name B for Kerrow and the MLRS, A for the tank.
    expect(sideOf('GND-KER-ORIGIN-1')).toBe('B');
    expect(sideOf('GND-S2-MLRS-1')).toBe('B');
    expect(sideOf('GND-S1-TANK-1')).toBe('A');
  });

  it('places the impact in Kerrow on the other side from its gun', () => {
    expect(sideOf('GND-KER-IMPACT-1')).toBe('A');
  });

  it('cannot tell without a line of contact', () => {
    const noLine = scenario.zones.filter((z) => z.kind !== 'line-of-contact');
    expect(partyOnSide(-119.65, -44.17, noLine)).toBeNull();
  });
});
