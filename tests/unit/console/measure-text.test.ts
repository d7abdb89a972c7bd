// The words put on gravity, certainty, states and a report's section-8 fields
// (renderer/src/alerts/measure-text.ts), and which alerts may be linked.
import { describe, expect, it } from 'vitest';
import {
  CERTAINTY_BAND_TEXT,
  formatPeople,
  linkCandidates,
  reportFacts,
  stateText,
} from '../../../renderer/src/alerts/measure-text';
import type { AlertView } from '../../../renderer/src/console/view-model';
import type { ScenarioEvent } from '../../../shared/scenario/schema';

function alert(id: string, more: Partial<AlertView> = {}): AlertView {
  return {
    id,
    rank: 1,
    state: 'active',
    gravity: 50,
    severity: 'medium',
    certainty: null,
    title: id,
    shortTitle: id,
    zoneIds: [],
    sources: [],
    firstAt: 0,
    lastAt: 0,
    quiet: false,
    acknowledged: false,
    eventSeqs: [],
    factors: [],
    links: [],
    continues: null,
    incident: null,
    protocol: null,
    run: null,
    messageIds: [],
    lat: null,
    lon: null,
    ...more,
  };
}

describe('measure text', () => {
  it('names every certainty band by its own word', () => {
    const labels = Object.entries(CERTAINTY_BAND_TEXT).map(([band, t]) => [band, t.label]);
    expect(labels).toEqual(labels.map(([band]) => [band, band]));
  });

  it('says nothing for an active alert and names the others', () => {
    expect(stateText('active')).toBeNull();
    expect(stateText('cleared')).toMatch(/false alarm/);
    expect(stateText('quiet')).toBe('quiet');
    expect(stateText('closed')).toBe('closed');
  });

  it('shows a people count as a number, or low–best–high for a range', () => {
    expect(formatPeople(3)).toBe('3');
    expect(formatPeople({ low: 2, best: 3, high: 5 })).toBe('2–3–5');
    expect(formatPeople({ low: 4, best: 4, high: 4 })).toBe('4');
  });

  it('lists the section-8 fields a report gives, never its controller-only incident', () => {
    const event = {
      id: 'e-1',
      time: '2026-03-01T00:00:00Z',
      source: 'observer',
      type: 'casualty-report',
      killed: { low: 1, best: 2, high: 4 },
      civilian_killed: 1,
      injured: 3,
      target: 'civilian',
      assessment: 'confirms',
      refers_to: 'e-0',
      incident: 'secret-1',
    } as ScenarioEvent;
    const facts = reportFacts(event);
    expect(facts).toEqual([
      { label: 'killed', text: '1–2–4' },
      { label: 'injured', text: '3' },
      { label: 'civilians killed', text: '1' },
      { label: 'target', text: 'civilian' },
      { label: 'assessment', text: 'confirms' },
      { label: 'refers to', text: 'e-0' },
    ]);
    expect(JSON.stringify(facts)).not.toContain('secret-1');
    // A sensor's launch gives its direction of fire; an impact's bearing is not
    // one, and a patrol's is the bearing it saw or heard the fire on.
    const launch = {
      ...event,
      source: 'ground-sensor',
      subtype: 'outgoing',
      bearing_deg: 133,
    } as ScenarioEvent;
    expect(reportFacts(launch)).toContainEqual({ label: 'direction of fire', text: '133°' });
    expect(reportFacts({ ...launch, subtype: 'impact' }).map((f) => f.label)).not.toContain(
      'direction of fire',
    );
    expect(reportFacts({ ...launch, source: 'observer' })).toContainEqual({
      label: 'bearing from the patrol',
      text: '133°',
    });
    // A version-1 `casualties` is read as killed, as the scorer reads it.
    expect(reportFacts({ ...event, killed: undefined, casualties: 6 })[0]).toEqual({
      label: 'killed',
      text: '6',
    });
  });

  it('offers to link every open alert not already in the incident, in queue order', () => {
    const incident = {
      id: 'I-A-1',
      alertIds: ['A-1', 'A-3'],
      primary: true,
      gravity: 70,
      severity: 'high' as const,
      certainty: 0.5,
      certaintyBand: 'possible' as const,
    };
    const alerts = [
      alert('A-1', { incident }),
      alert('A-2'),
      alert('A-3', { incident: { ...incident, primary: false } }),
      alert('A-4', { state: 'closed' }),
      alert('A-5', { state: 'quiet' }),
    ];
    expect(linkCandidates(alerts, alerts[0]!).map((a) => a.id)).toEqual(['A-2', 'A-5']);
    expect(linkCandidates(alerts, alerts[1]!).map((a) => a.id)).toEqual(['A-1', 'A-3', 'A-5']);
    expect(linkCandidates(alerts, alerts[1]!, 1).map((a) => a.id)).toEqual(['A-1']);
  });
});
