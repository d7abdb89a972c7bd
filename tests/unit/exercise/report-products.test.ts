// The mission's written products under protocol version 2 (docs/ESCALATION-PROTOCOL.md,
// "Report products"): when each falls due and by when, which product written
// meets which, the texts prefilled from the log, and the engine's intent that
// writes one — an operator's only, nothing logged when refused.
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { IntentRefused, type ExerciseEngine } from '../../../shared/exercise/exercise-engine';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise, resumeExercise } from '../../../shared/exercise/exercise-session';
import {
  DAILY_REPORT_WRITING_MIN,
  dailyReportText,
  localHourInstants,
  localTime,
  meetingSummaryText,
  PRODUCT_TEXT_MAX,
  productSchedule,
  productState,
  reportsOf,
  requestForExplanationText,
  spotReportText,
  type IncidentFacts,
  type ProductItem,
} from '../../../shared/exercise/report-products';
import { BUILTIN_PROTOCOL_V2 } from '../../../shared/protocol/builtin-protocol';
import { openTracks, startRun, takeAction } from '../../../shared/protocol/protocol-run';
import { MIN, T0, buildScenario, handEvents } from './hand-scenario';

const HOUR = 60 * MIN;
const operator = { name: 'operator-1', role: 'operator' as const };
const controller = { name: 'control', role: 'controller' as const };

function item(over: Partial<ProductItem> = {}): ProductItem {
  return {
    key: 'k',
    product: 'spot-report',
    alertId: 'a1',
    dueFrom: T0,
    deadlineAt: T0 + 60 * MIN,
    cutoffAt: null,
    stepLeftAt: null,
    written: null,
    ...over,
  };
}

describe('productState', () => {
  it('is due, then warning from 80 % of its time, then breached at its deadline', () => {
    expect(productState(item(), T0 + 47 * MIN)).toBe('due');
    expect(productState(item(), T0 + 48 * MIN)).toBe('warning');
    expect(productState(item(), T0 + 60 * MIN)).toBe('breached');
  });
  it('is met when written by the deadline, late after it, whatever the time now', () => {
    const on = item({ written: { at: T0 + 60 * MIN, by: 'x', text: 't' } });
    const after = item({ written: { at: T0 + 61 * MIN, by: 'x', text: 't' } });
    expect(productState(on, T0 + 10 * HOUR)).toBe('met');
    expect(productState(after, T0 + 10 * HOUR)).toBe('late');
  });
  it('is upcoming before it falls due; leaving the step that called for it does not excuse it', () => {
    expect(productState(item({ dueFrom: T0 + HOUR }), T0)).toBe('upcoming');
    expect(productState(item({ stepLeftAt: T0 + 5 * MIN }), T0 + 10 * MIN)).toBe('due');
    expect(productState(item({ stepLeftAt: T0 + 5 * MIN }), T0 + 2 * HOUR)).toBe('breached');
  });
});

describe('productSchedule', () => {
  const protocol = { protocol: BUILTIN_PROTOCOL_V2 };
  const ctx = {
    protocol: protocol.protocol,
    parties: [
      { id: 'A', name: 'Party A', role: 'party' as const },
      { id: 'B', name: 'Party B', role: 'party' as const },
    ],
  };
  /** A run confirmed at `at`: its reporting track opens at the spot report. */
  function confirmedRun(id: string, at: number) {
    const run = startRun(protocol.protocol, id, 'escalate', at, at, {
      kind: 'entry',
      gravity: 'critical',
      certainty: 'confirmed',
    });
    return takeAction(
      ctx,
      run,
      { track: 'triage', action: 'open-tracks', inputs: {} },
      operator,
      at,
    );
  }

  it('calls for a spot report on entering the spot-report step, due within its hour', () => {
    const run = confirmedRun('a1', T0);
    expect(openTracks(run).map((t) => t.track)).toContain('reporting');
    const [spot] = productSchedule({
      protocol: protocol.protocol,
      runs: new Map([['a1', run]]),
      products: [],
      dailyCutoffs: [],
    }).filter((i) => i.product === 'spot-report');
    expect(spot).toMatchObject({
      alertId: 'a1',
      dueFrom: T0,
      deadlineAt: T0 + 60 * MIN,
      written: null,
    });
  });

  it('counts each product once, for its own incident, written from the time it fell due', () => {
    const runs = new Map([
      ['a1', confirmedRun('a1', T0)],
      ['a2', confirmedRun('a2', T0 + 10 * MIN)],
    ]);
    const products = [
      // Before a1's spot report fell due: it meets nothing.
      { product: 'spot-report' as const, text: 'early', alertId: 'a1', at: T0 - MIN, by: 'x' },
      { product: 'spot-report' as const, text: 'a2', alertId: 'a2', at: T0 + 20 * MIN, by: 'x' },
      { product: 'spot-report' as const, text: 'a1', alertId: 'a1', at: T0 + 90 * MIN, by: 'x' },
    ];
    const spots = productSchedule({ protocol: protocol.protocol, runs, products, dailyCutoffs: [] })
      .filter((i) => i.product === 'spot-report')
      .map((i) => [i.alertId, i.written?.text, productState(i, T0 + 3 * HOUR)]);
    expect(spots).toEqual([
      ['a1', 'a1', 'late'],
      ['a2', 'a2', 'met'],
    ]);
  });

  it('gives each daily cut-off the first daily report from it until the next, due within the hour', () => {
    const cutoffs = [T0 + 10 * HOUR, T0 + 34 * HOUR];
    const daily = (at: number) => ({
      product: 'daily-report' as const,
      text: 'd',
      alertId: null,
      at,
      by: 'x',
    });
    const items = productSchedule({
      protocol: protocol.protocol,
      runs: new Map(),
      // One before the first cut-off (counts for none), one late for the first.
      products: [daily(T0 + 9 * HOUR), daily(T0 + 11 * HOUR + MIN)],
      dailyCutoffs: cutoffs,
    });
    expect(items.map((i) => [i.cutoffAt, i.deadlineAt, i.written?.at ?? null])).toEqual([
      [cutoffs[0], cutoffs[0]! + DAILY_REPORT_WRITING_MIN * MIN, T0 + 11 * HOUR + MIN],
      [cutoffs[1], cutoffs[1]! + DAILY_REPORT_WRITING_MIN * MIN, null],
    ]);
    expect(productState(items[0]!, T0 + 12 * HOUR)).toBe('late');
    expect(productState(items[1]!, T0 + 12 * HOUR)).toBe('upcoming');
    expect(productState(items[1]!, cutoffs[1]! + DAILY_REPORT_WRITING_MIN * MIN)).toBe('breached');
  });

  it('finds the local report hour in the scenario’s time zone', () => {
    // 18:00 at UTC-8 is 02:00 UTC the next day (the 7th's cut-off falls on the 8th).
    const start = Date.parse('2027-03-08T00:00:00Z');
    const found = localHourInstants(start, start + 48 * HOUR, 'Etc/GMT+8', 18);
    expect(found.map((t) => new Date(t).toISOString())).toEqual([
      '2027-03-08T02:00:00.000Z',
      '2027-03-09T02:00:00.000Z',
    ]);
  });
});

function facts(over: Partial<IncidentFacts & { category: string }> = {}) {
  return {
    alertId: 'a1',
    title: 'Mortar fire — Sector North',
    area: 'Sector North',
    gravity: 62,
    severity: 'high',
    certainty: 0.8,
    certaintyBand: 'probable',
    events: [
      { id: 'e1', at: T0, source: 'observer', type: 'mortar-fire', summary: 'Six rounds heard.' },
    ],
    confirmedAt: T0 + 5 * MIN,
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

describe('prefilled texts', () => {
  it('a spot report says what, where, when, how sure and from which reports', () => {
    const text = spotReportText(facts(), 'UTC');
    expect(text).toMatch(/^SPOT REPORT — Mortar fire — Sector North \(alert a1\)/);
    expect(text).toContain('Where: Sector North.');
    expect(text).toContain('gravity 62.0 (high), certainty 0.80 (probable)');
    expect(text).toContain('- e1 (observer, mortar-fire): Six rounds heard.');
    expect(text).toContain('hotline — Notify the parties');
  });

  it('a daily report counts the violations recorded in its 24 hours by category, party and area, and lists the restrictions', () => {
    const recorded = (id: string, party: string, area: string, category: string, at: number) =>
      facts({
        alertId: id,
        area,
        category,
        closed: true,
        closedAt: at,
        findings: {
          attribution: party,
          intent: 'undetermined',
          outcome: 'violation-recorded',
          evidence: 'e',
        },
      });
    const cutoff = T0 + 30 * HOUR;
    const text = dailyReportText(
      {
        at: cutoff,
        incidents: [
          recorded('r1', 'A', 'Sector North', 'mortar-fire', cutoff - HOUR),
          recorded('r2', 'A', 'Sector South', 'mortar-fire', cutoff - 2 * HOUR),
          recorded('r3', 'B', 'Sector North', 'small-arms-fire', cutoff - 3 * HOUR),
          // Recorded more than 24 hours before the cut-off: not in this report.
          recorded('r4', 'B', 'Sector North', 'explosion', cutoff - 25 * HOUR),
          facts({ alertId: 'open-1' }),
        ],
        restrictions: [{ at: cutoff - HOUR, text: 'jamming: UAV-04 lost its link.' }],
      },
      'UTC',
    );
    expect(text).toContain('Violations recorded: 3.');
    expect(text).toContain('- by category: mortar-fire 2, small-arms-fire 1');
    expect(text).toContain('- by party: A 2, B 1');
    expect(text).toContain('- by area: Sector North 2, Sector South 1');
    expect(text).toContain('Restrictions on the mission (1):');
    expect(text).toContain('jamming: UAV-04 lost its link.');
    expect(text).toContain('Incidents before the parties: 1.');
    expect(text).toContain(
      '- open-1 Mortar fire — Sector North: open — hotline: Notify the parties.',
    );
  });
});

describe('prefilled texts, line by line', () => {
  const event = (i: number) => ({
    id: `e${i}`,
    at: T0 + i * MIN,
    source: 'ground-sensor',
    type: 'artillery-fire',
    summary: `Report ${i}.`,
  });

  it('a spot report gives its times in the scenario zone, its first six sources, and what is open', () => {
    const text = spotReportText(
      facts({ events: [1, 2, 3, 4, 5, 6, 7, 8].map(event), confirmedAt: T0 + 30 * MIN }),
      'Etc/GMT-2',
    );
    expect(text.split('\n')).toEqual([
      'SPOT REPORT — Mortar fire — Sector North (alert a1)',
      'When: 01 Mar 2026, 02:01 GMT+2; confirmed 01 Mar 2026, 02:30 GMT+2.',
      'Where: Sector North.',
      'Assessment: gravity 62.0 (high), certainty 0.80 (probable).',
      'Sources (8):',
      ...[1, 2, 3, 4, 5, 6].map((i) => `- e${i} (ground-sensor, artillery-fire): Report ${i}.`),
      '- and 2 more reports',
      'Mission action: hotline — Notify the parties.',
      'Attribution is left to the findings.',
    ]);
    const bare = spotReportText(facts({ events: [], confirmedAt: null, openTracks: [] }), 'UTC');
    expect(bare).toContain('When: unknown.');
    expect(bare).toContain('Sources (0):');
    expect(bare).toContain('Mission action: none open.');
  });

  it('a request for explanation names the party of the last request and its evidence', () => {
    const sent = (party: string, evidence: string, at: number) => ({
      action: 'request-sent',
      at,
      inputs: { party, evidence },
    });
    const text = requestForExplanationText(
      facts({ actions: [sent('A', 'e1', T0), sent('B', 'e1, crater analysis', T0 + HOUR)] }),
      'UTC',
    );
    expect(text.split('\n')).toEqual([
      'REQUEST FOR EXPLANATION — to Party B',
      'Incident: Mortar fire — Sector North (alert a1), 01 Mar 2026, 00:00 UTC, Sector North.',
      'The mission observed: gravity 62.0 (high), certainty probable.',
      'Evidence: e1, crater analysis',
      'The mission requests an explanation within 48 hours.',
    ]);
    expect(requestForExplanationText(facts({ actions: [sent('all', 'e1', T0)] }), 'UTC')).toMatch(
      /^REQUEST FOR EXPLANATION — to every party to the ceasefire\n/,
    );
    const unsent = requestForExplanationText(facts({ events: [event(1), event(2)] }), 'UTC');
    expect(unsent).toMatch(
      /^REQUEST FOR EXPLANATION — to \(party not yet named: send the request first\)\n/,
    );
    expect(unsent).toContain('Evidence: e1, e2');
    expect(requestForExplanationText(facts({ events: [] }), 'UTC')).toContain(', time unknown, ');
  });

  it('a meeting summary says who attended, refused, proposed and accepted, and the outcome', () => {
    const move = (party: string, kind: string, inputs: Record<string, string> = {}) => ({
      party,
      move: kind,
      at: T0 + HOUR,
      inputs,
    });
    const text = meetingSummaryText(
      facts({
        actions: [
          { action: 'meeting-opened', at: T0 + HOUR, inputs: { summary: 'video link' } },
          { action: 'measures-agreed', at: T0 + 3 * HOUR, inputs: { measures: 'Pull back 5 km.' } },
        ],
        moves: [
          move('A', 'attend'),
          move('A', 'attend'),
          move('B', 'refuse-meeting', { rationale: 'no mandate' }),
          move('A', 'propose-measures', { measures: 'Pull back 5 km.' }),
          move('A', 'accept-measures'),
        ],
      }),
      'UTC',
    );
    expect(text.split('\n')).toEqual([
      'MEETING SUMMARY — emergency consultation on Mortar fire — Sector North (alert a1)',
      'In session: 01 Mar 2026, 01:00 UTC.',
      'Attended: A. Refused to attend: B.',
      'Proposed by A: Pull back 5 km.',
      'Accepted the measures: A.',
      'Outcome: measures agreed — Pull back 5 km.',
    ]);
    const none = meetingSummaryText(
      facts({
        actions: [{ action: 'no-agreement', at: T0, inputs: { rationale: 'B walked out.' } }],
      }),
      'UTC',
    );
    expect(none.split('\n').slice(1)).toEqual([
      'In session: not yet recorded.',
      'Attended: none. Refused to attend: none.',
      'Accepted the measures: none.',
      'Outcome: no agreement — B walked out.',
    ]);
    expect(meetingSummaryText(facts(), 'UTC')).toMatch(/\nOutcome: not yet recorded\.$/);
  });

  it('a daily report with nothing recorded says so, and states each incident before the parties', () => {
    const cutoff = T0 + 30 * HOUR;
    const text = dailyReportText(
      {
        at: cutoff,
        incidents: [
          facts({ alertId: 'o1' }),
          facts({
            alertId: 'c1',
            closed: true,
            closedAt: cutoff - HOUR,
            findings: {
              attribution: 'B',
              intent: 'accidental',
              outcome: 'false-alarm',
              evidence: 'e',
            },
          }),
          // Recorded exactly at the start of the 24 hours: the day before's.
          facts({
            alertId: 'r0',
            closed: true,
            closedAt: cutoff - 24 * HOUR,
            findings: {
              attribution: 'A',
              intent: 'deliberate',
              outcome: 'violation-recorded',
              evidence: 'e',
            },
          }),
        ],
        restrictions: [],
      },
      'UTC',
    );
    expect(text.split('\n')).toEqual([
      'DAILY REPORT — 24 hours to 02 Mar 2026, 06:00 UTC',
      'Violations recorded: 0.',
      'Restrictions on the mission: none recorded.',
      'Incidents before the parties: 2.',
      '- o1 Mortar fire — Sector North: open — hotline: Notify the parties.',
      '- c1 Mortar fire — Sector North: closed (false-alarm, attributed: B).',
    ]);
  });
});

describe('a daily report longer than a product may be', () => {
  // Every line written, then cut as every product is: what the report must equal.
  /** The report of n open incidents, the fifth from last titled `stretched`. */
  const whole = (n: number, restrictions: number, stretched: string) => {
    const at = T0 + 30 * HOUR;
    const incidents = Array.from({ length: n }, (_, i) =>
      facts({
        alertId: `a${i}`,
        title: i === n - 5 ? stretched : `Mortar fire ${'x'.repeat(i % 37)}`,
      }),
    );
    const restricted = Array.from({ length: restrictions }, (_, i) => ({
      at: at - HOUR,
      text: `jamming: link ${i} lost`,
    }));
    const lines = [
      `DAILY REPORT — 24 hours to ${localTime(at, 'UTC')}`,
      'Violations recorded: 0.',
      restrictions === 0
        ? 'Restrictions on the mission: none recorded.'
        : `Restrictions on the mission (${restrictions}):`,
      ...restricted.map((r) => `- ${localTime(r.at, 'UTC')}: ${r.text}`),
      `Incidents before the parties: ${n}.`,
      ...incidents.map((i) => `- ${i.alertId} ${i.title}: open — hotline: Notify the parties.`),
    ];
    return { facts: { at, incidents, restrictions: restricted }, text: lines.join('\n') };
  };
  const cut = (text: string) =>
    text.length <= PRODUCT_TEXT_MAX ? text : `${text.slice(0, PRODUCT_TEXT_MAX - 1)}…`;

  it('is the whole report cut at the limit, whatever the number of incidents and restrictions', () => {
    for (const restrictions of [0, 3, 150]) {
      for (let n = 0; n <= 160; n += 7) {
        const { facts: f, text } = whole(n, restrictions, 'Shelling');
        expect(dailyReportText(f, 'UTC')).toBe(cut(text));
      }
    }
  });

  it('is cut only past the limit, where a line ends at the limit, just before or just after it', () => {
    // The stretched title moves where its line ends: at these lengths of the text up to it.
    const through = (text: string) =>
      text
        .split('\n')
        .slice(0, 4 + 40 - 4)
        .join('\n').length;
    const short = through(whole(40, 0, '').text);
    for (const length of [
      PRODUCT_TEXT_MAX - 2,
      PRODUCT_TEXT_MAX - 1,
      PRODUCT_TEXT_MAX,
      PRODUCT_TEXT_MAX + 1,
      PRODUCT_TEXT_MAX + 2,
    ]) {
      const { facts: f, text } = whole(40, 0, 'y'.repeat(length - short));
      expect(through(text)).toBe(length);
      expect(text.length).toBeGreaterThan(length);
      expect(dailyReportText(f, 'UTC')).toBe(cut(text));
    }
  });
});

describe('the engine’s report-product intent', () => {
  async function start() {
    const scenario = buildScenario(handEvents(), { end: T0 + 72 * HOUR });
    const setup = prepareExercise(scenario, 'test', { protocol: BUILTIN_PROTOCOL_V2.document });
    const log = new MemoryAuditLog('v2', { now: () => new Date('2026-11-26T10:00:00.000Z') });
    const engine = await createExercise(setup, log, operator);
    return { engine, log };
  }

  async function confirmMlrs(engine: ExerciseEngine): Promise<string> {
    await engine.advanceTo(T0 + 75 * MIN);
    const alert = engine.alerts().find((a) => a.eventIds.includes('mlrs-1'))!;
    const id = engine.unitOf(alert.id);
    const step = openTracks(engine.runOf(id)!)[0]!.visit.step;
    if (step === 'triage') await engine.act(id, 'confirmed-violation', { rationale: 'MLRS.' });
    else if (step === 'escalate') await engine.act(id, 'open-tracks', {});
    else await engine.act(id, 'confirmed', {});
    return id;
  }

  it('refuses a controller, a product that is not one, and a spot report without its incident; nothing is logged', async () => {
    const { engine, log } = await start();
    const id = await confirmMlrs(engine);
    const before = log.entries().length;
    await expect(engine.issueProduct('spot-report', 'x', id, controller)).rejects.toThrow(
      new IntentRefused(
        "only an operator issues the mission's report products, not the controller",
      ),
    );
    await expect(engine.issueProduct('sitrep' as 'spot-report', 'x', id, operator)).rejects.toThrow(
      /"sitrep" is not a report product/,
    );
    await expect(engine.issueProduct('spot-report', 'x', undefined, operator)).rejects.toThrow(
      'a spot-report is about an incident: name its alert',
    );
    await expect(engine.issueProduct('spot-report', '   ', id, operator)).rejects.toThrow(
      /1–4000 characters/,
    );
    expect(log.entries().length).toBe(before);
  });

  it('refuses "Spot report sent" taken on its own: only writing the spot report takes it, and nothing is logged', async () => {
    const { engine, log } = await start();
    const id = await confirmMlrs(engine);
    expect(openTracks(engine.runOf(id)!).map((t) => t.visit.step)).toContain('spot-report');
    const before = log.entries().length;
    const sent = { track: 'reporting', action: 'spot-report-sent', inputs: { summary: 'Sent.' } };
    await expect(engine.takeAction(id, sent, operator)).rejects.toThrow(
      new IntentRefused(
        `"spot-report-sent" is taken by issuing the spot-report itself: write the spot report (a spot-report report product about alert ${id}) instead`,
      ),
    );
    expect(log.entries().length).toBe(before);
    const reporting = openTracks(engine.runOf(id)!).find((t) => t.track === 'reporting')!;
    expect(reporting.visit.step).toBe('spot-report');
    // Writing it is the way: the product and the step's action in one batch.
    await engine.issueProduct('spot-report', 'MLRS fire into the exclusion zone.', id, operator);
    expect(
      log
        .entries()
        .slice(before)
        .map((e) => e.kind),
    ).toEqual(['report-product', 'protocol-action']);
  });

  it('still resumes a log recorded when "Spot report sent" could be taken on its own', async () => {
    const { engine, log } = await start();
    const id = await confirmMlrs(engine);
    // What an earlier version wrote: the action alone, by the operator.
    const last = log.entries().at(-1)!;
    await log.append([
      {
        kind: 'protocol-action',
        exercise_time: last.exercise_time,
        actor: operator.name,
        role: 'operator',
        alert_id: id,
        step_id: 'spot-report',
        data: {
          type: 'action',
          action: 'spot-report-sent',
          label: 'Spot report sent',
          inputs: { summary: 'Sent.' },
          from: 'spot-report',
          to: 'daily-report',
          track: 'reporting',
          opened: [],
        },
      },
    ]);
    const resumed = await resumeExercise(engine.setup.scenario, log.entries());
    const reporting = openTracks(resumed.runOf(id)!).find((t) => t.track === 'reporting')!;
    expect(reporting.visit.step).toBe('daily-report');
  });

  it('lists the spot report due once the incident is confirmed, prefilled from the log; the operator’s saved text meets it', async () => {
    const { engine, log } = await start();
    const id = await confirmMlrs(engine);
    const due = reportsOf(engine)!.find((p) => p.product === 'spot-report' && p.alertId === id)!;
    expect(due.deadlineAt! - due.dueFrom).toBe(60 * MIN);
    expect(productState(due, engine.now)).toBe('due');
    expect(due.prefill).toContain(`(alert ${id})`);
    expect(due.prefill).toContain('mlrs-1');
    // Reports cite what was reported, never the scenario's ground truth.
    expect(due.prefill).not.toMatch(/truth|violation'/);
    await engine.issueProduct('spot-report', `${due.prefill}\nEdited by the operator.`, id);
    const entry = log.entries().at(-2)!;
    expect(entry).toMatchObject({
      kind: 'report-product',
      role: 'operator',
      alert_id: id,
      data: { product: 'spot-report', track: 'reporting' },
    });
    expect((entry.data as { text: string }).text).toMatch(/Edited by the operator\.$/);
    // The spot report met the reporting track's step in the same batch.
    expect(log.entries().at(-1)).toMatchObject({
      kind: 'protocol-action',
      data: { action: 'spot-report-sent', from: 'spot-report', to: 'daily-report' },
    });
    const met = reportsOf(engine)!.find((p) => p.key === due.key)!;
    expect(productState(met, engine.now)).toBe('met');
    expect(met.written?.by).toBe(operator.name);
  });
});
