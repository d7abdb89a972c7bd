// The texts a monitor's products start from, at their edges: a text exactly
// as long as a product may be, exactly six sources, several open tracks and
// parties, a meeting whose outcome changed, records missing an input, the
// daily report's tallies in their order, an incident closed without
// findings, and a violation recorded exactly at, or after, the cut-off.
import { describe, expect, it } from 'vitest';
import {
  dailyReportText,
  meetingSummaryText,
  PRODUCT_TEXT_MAX,
  spotReportText,
  type IncidentFacts,
} from '../../../shared/exercise/report-products';
import { MIN, T0 } from './hand-scenario';

const HOUR = 60 * MIN;

function facts(over: Partial<IncidentFacts & { category: string }> = {}) {
  return {
    alertId: 'a1',
    title: 'Mortar fire',
    area: 'Sector North',
    gravity: 62,
    severity: 'high',
    certainty: 0.8,
    certaintyBand: 'probable',
    events: [{ id: 'e1', at: T0, source: 'observer', type: 'mortar-fire', summary: 'Rounds.' }],
    confirmedAt: null,
    openTracks: [{ track: 'hotline', step: 'Notify the parties' }],
    closed: false,
    closedAt: null,
    findings: null,
    actions: [],
    moves: [],
    category: 'mortar-fire',
    ...over,
  };
}

const event = (i: number) => ({
  id: `e${i}`,
  at: T0 + i * MIN,
  source: 'observer',
  type: 'mortar-fire',
  summary: `Report ${i}.`,
});

describe('a spot report', () => {
  it('lists six sources whole, with no "more" line', () => {
    const lines = spotReportText(facts({ events: [1, 2, 3, 4, 5, 6].map(event) }), 'UTC').split(
      '\n',
    );
    expect(lines.slice(4)).toEqual([
      'Sources (6):',
      ...[1, 2, 3, 4, 5, 6].map((i) => `- e${i} (observer, mortar-fire): Report ${i}.`),
      'Mission action: hotline — Notify the parties.',
      'Attribution is left to the findings.',
    ]);
  });

  it('names every open track and its step, one after the other', () => {
    const text = spotReportText(
      facts({
        openTracks: [
          { track: 'hotline', step: 'Notify the parties' },
          { track: 'explanation', step: 'Send the request' },
        ],
      }),
      'UTC',
    );
    expect(text).toContain(
      '\nMission action: hotline — Notify the parties; explanation — Send the request.\n',
    );
  });

  it('is kept whole at exactly the longest a product may be, and cut to it, ending in an ellipsis, one character past it', () => {
    const length = (title: string) => spotReportText(facts({ title }), 'UTC').length;
    const fill = PRODUCT_TEXT_MAX - length('');
    const exact = spotReportText(facts({ title: 'x'.repeat(fill) }), 'UTC');
    expect(exact.length).toBe(PRODUCT_TEXT_MAX);
    expect(exact.endsWith('Attribution is left to the findings.')).toBe(true);
    const over = spotReportText(facts({ title: 'x'.repeat(fill + 1) }), 'UTC');
    expect(over.length).toBe(PRODUCT_TEXT_MAX);
    expect(over.endsWith('Attribution is left to the finding…')).toBe(true);
  });
});

describe('a meeting summary', () => {
  const move = (party: string, kind: string, inputs: Record<string, string> = {}) => ({
    party,
    move: kind,
    at: T0 + HOUR,
    inputs,
  });

  it('names every party that attended, each once, and the last outcome, whatever was done after it', () => {
    const text = meetingSummaryText(
      facts({
        actions: [
          { action: 'meeting-opened', at: T0 + HOUR, inputs: { summary: 'video link' } },
          { action: 'no-agreement', at: T0 + 2 * HOUR, inputs: { rationale: 'B walked out.' } },
          { action: 'meeting-opened', at: T0 + 3 * HOUR, inputs: { summary: 'again' } },
          { action: 'measures-agreed', at: T0 + 4 * HOUR, inputs: { measures: 'Pull back.' } },
          { action: 'measures-verified', at: T0 + 9 * HOUR, inputs: { summary: 'done' } },
        ],
        moves: [
          move('B', 'attend'),
          move('A', 'attend'),
          move('B', 'attend'),
          move('A', 'accept-measures'),
          move('B', 'accept-measures'),
        ],
      }),
      'UTC',
    );
    expect(text.split('\n').slice(1)).toEqual([
      // The first time it sat.
      'In session: 01 Mar 2026, 01:00 UTC.',
      'Attended: B, A. Refused to attend: none.',
      'Accepted the measures: A, B.',
      'Outcome: measures agreed — Pull back.',
    ]);
  });

  it('leaves a blank, never "undefined", where a record lacks the measures or the rationale', () => {
    const lines = (outcome: string) =>
      meetingSummaryText(
        facts({
          actions: [{ action: outcome, at: T0, inputs: {} }],
          moves: [move('A', 'propose-measures')],
        }),
        'UTC',
      ).split('\n');
    expect(lines('measures-agreed').slice(3)).toEqual([
      'Proposed by A: ',
      'Accepted the measures: none.',
      'Outcome: measures agreed — ',
    ]);
    expect(lines('no-agreement').at(-1)).toBe('Outcome: no agreement — ');
  });
});

describe('a daily report', () => {
  const cutoff = T0 + 30 * HOUR;
  const recorded = (
    id: string,
    party: string,
    area: string,
    category: string,
    closedAt = cutoff - HOUR,
  ) =>
    facts({
      alertId: id,
      area,
      category,
      closed: true,
      closedAt,
      findings: {
        attribution: party,
        intent: 'deliberate',
        outcome: 'violation-recorded',
        evidence: 'e',
      },
    });
  const report = (incidents: ReturnType<typeof facts>[]) =>
    dailyReportText({ at: cutoff, incidents, restrictions: [] }, 'UTC').split('\n');

  it('tallies the most frequent first, and equal counts by name', () => {
    expect(
      report([
        recorded('r1', 'B', 'Sector South', 'small-arms-fire'),
        recorded('r2', 'B', 'Sector West', 'mortar-fire'),
        recorded('r3', 'A', 'Sector North', 'mortar-fire'),
        recorded('r4', 'A', 'Sector East', 'artillery-fire'),
      ]).slice(1, 5),
    ).toEqual([
      'Violations recorded: 4.',
      '- by category: mortar-fire 2, artillery-fire 1, small-arms-fire 1',
      '- by party: A 2, B 2',
      '- by area: Sector East 1, Sector North 1, Sector South 1, Sector West 1',
    ]);
  });

  it('counts a violation recorded exactly at its cut-off, not one recorded after it', () => {
    const lines = report([
      recorded('r1', 'A', 'Sector North', 'mortar-fire', cutoff),
      recorded('r2', 'B', 'Sector South', 'mortar-fire', cutoff + 1),
    ]);
    expect(lines.slice(1, 5)).toEqual([
      'Violations recorded: 1.',
      '- by category: mortar-fire 1',
      '- by party: A 1',
      '- by area: Sector North 1',
    ]);
  });

  it('states an incident closed without findings as closed, its outcome and attribution unknown', () => {
    const lines = report([facts({ alertId: 'c1', closed: true, closedAt: cutoff - HOUR })]);
    expect(lines.slice(1)).toEqual([
      'Violations recorded: 0.',
      'Restrictions on the mission: none recorded.',
      'Incidents before the parties: 1.',
      '- c1 Mortar fire: closed (?, attributed: ?).',
    ]);
  });

  it('states every open track of an incident before the parties', () => {
    const lines = report([
      facts({
        openTracks: [
          { track: 'hotline', step: 'Notify the parties' },
          { track: 'reporting', step: 'Send the spot report' },
        ],
      }),
    ]);
    expect(lines.at(-1)).toBe(
      '- a1 Mortar fire: open — hotline: Notify the parties; reporting: Send the spot report.',
    );
  });
});
