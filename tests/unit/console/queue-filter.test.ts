import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CERTAINTY_BANDS, SEVERITIES } from '../../../shared/alerts/bands';
import { ALERT_STATES } from '../../../shared/alerts/alert-view';
import { SOURCES } from '../../../shared/scenario/schema';
import {
  DEFAULT_QUEUE_FILTER,
  filterQueue,
  isBreached,
  isClosed,
  isDefaultFilter,
  parseQueueFilter,
  queueOverview,
  type QueueFilter,
} from '../../../renderer/src/alerts/queue-filter';
import type {
  AlertView,
  IncidentView,
  ProtocolView,
} from '../../../renderer/src/console/view-model';
import type { RunStatus, RunTrackStatus } from '../../../shared/exercise/run-status';

const T0 = Date.UTC(2027, 2, 8, 9, 0);

function alert(id: string, over: Partial<AlertView> = {}): AlertView {
  const title = over.title ?? `Explosion — Kerrow ${id}`;
  return {
    id,
    rank: 1,
    severity: 'high',
    state: 'active',
    gravity: 61.5,
    certainty: { value: 0.62, band: 'probable', factors: [], incompatibleReports: 0 },
    title,
    // What the engine makes of it: what and the first place named.
    shortTitle: title.split(',')[0]!,
    zoneIds: ['z-kerrow'],
    sources: ['drone'],
    firstAt: T0,
    lastAt: T0,
    quiet: false,
    acknowledged: false,
    eventSeqs: [0],
    factors: [],
    links: [],
    continues: null,
    incident: null,
    protocol: null,
    run: null,
    messageIds: [],
    lat: null,
    lon: null,
    ...over,
  };
}

function run(closed: boolean): ProtocolView {
  return {
    stepId: 'verify',
    stepTitle: 'Verify',
    instructions: '',
    role: 'operator',
    enteredAt: T0,
    deadlineAt: null,
    breached: false,
    actions: [],
    acks: [],
    history: [],
    closed,
    suggestedJump: null,
  };
}

function incident(id: string, alertIds: string[], primary: boolean): IncidentView {
  return {
    id,
    alertIds,
    primary,
    gravity: 70,
    severity: 'high',
    certainty: 0.7,
    certaintyBand: 'probable',
  };
}

/** A version-2 run with one open track per [step, deadline status, breached earlier]. */
function v2run(tracks: [string, RunTrackStatus['deadlineStatus'], boolean][]): RunStatus {
  return {
    incidentAt: T0,
    closed: false,
    closedAt: null,
    findings: null,
    summary: null,
    entryPrompt: null,
    tracks: tracks.map(([stepId, deadlineStatus, earlier], i) => ({
      track: `track-${i}`,
      title: `Track ${i}`,
      open: true,
      endedAt: null,
      stepId,
      stepTitle: stepId.toUpperCase(),
      instructions: '',
      roles: ['operator'],
      enteredAt: T0,
      deadlineFrom: T0,
      // The first track is due first.
      deadlineAt: T0 + (i + 1) * 60_000,
      deadlineStatus,
      acks: [],
      moves: [],
      actions: [],
      history: [
        {
          stepId: 'earlier',
          stepTitle: 'Earlier',
          enteredAt: T0 - 60_000,
          leftAt: T0,
          reason: 'entry',
          actor: 'system',
          breachedAt: earlier ? T0 - 1000 : null,
        },
      ],
    })),
  };
}

const zones = new Map([['z-kerrow', 'Kerrow']]);
const SECTORS = [
  { id: 'sector-1', name: 'Sector 1 — Coast' },
  { id: 'sector-2', name: 'Sector 2 — Reservoir' },
];
const ids = (alerts: readonly AlertView[], f: Partial<QueueFilter> = {}) =>
  filterQueue(alerts, { ...DEFAULT_QUEUE_FILTER, ...f }, zones).rows.map((r) => r.alert.id);

describe('filterQueue', () => {
  it('hides closed alerts by default, counts them, and shows them when asked', () => {
    const alerts = [
      alert('A-1'),
      alert('A-2', { state: 'closed' }),
      alert('A-3', { protocol: run(true) }),
      alert('A-4', { state: 'quiet', quiet: true }),
    ];
    const q = filterQueue(alerts, DEFAULT_QUEUE_FILTER, zones);
    expect(q.rows.map((r) => r.alert.id)).toEqual(['A-1', 'A-4']);
    expect(q.closed).toBe(2);
    expect(q.total).toBe(4);
    expect(ids(alerts, { states: ['closed'] })).toEqual(['A-2', 'A-3']);
  });

  it('keeps the bands from the minimum gravity and certainty chosen, gravest first', () => {
    const alerts = [
      alert('A-c', { severity: 'critical' }),
      alert('A-m', { severity: 'medium' }),
      alert('A-i', {
        severity: 'info',
        certainty: { value: 0.1, band: 'unconfirmed', factors: [], incompatibleReports: 0 },
      }),
      alert('A-v1', { severity: 'high', certainty: null }),
    ];
    expect(ids(alerts, { minSeverity: 'high' })).toEqual(['A-c', 'A-v1']);
    expect(ids(alerts, { minSeverity: 'medium' })).toEqual(['A-c', 'A-m', 'A-v1']);
    // A version-1 alert has no certainty: any band narrower than all leaves it out.
    expect(ids(alerts, { minCertainty: 'possible' })).toEqual(['A-c', 'A-m']);
    expect(ids(alerts, { minCertainty: 'cleared' })).toEqual(['A-c', 'A-m', 'A-i', 'A-v1']);
  });

  it('filters by source kind and by an open protocol run', () => {
    const alerts = [
      alert('A-d', { sources: ['drone'], protocol: run(false) }),
      alert('A-s', { sources: ['satellite', 'observer'] }),
    ];
    expect(ids(alerts, { source: 'observer' })).toEqual(['A-s']);
    expect(ids(alerts, { inProtocol: true })).toEqual(['A-d']);
  });

  it('counts a version-2 run as in the protocol while open, and as closed once it closes', () => {
    const open = v2run([['verify', 'running', false]]);
    const done: RunStatus = { ...v2run([]), closed: true };
    const alerts = [alert('A-r', { run: open }), alert('A-x', { run: done }), alert('A-n')];
    expect(ids(alerts, { inProtocol: true })).toEqual(['A-r']);
    expect(isClosed(alerts[1]!)).toBe(true);
    expect(isClosed(alerts[0]!)).toBe(false);
  });

  it('leaves alerts made only of controller injects to Messages unless that source is chosen', () => {
    const alerts = [
      alert('A-MSEL-003', { sources: ['inject'], severity: 'info' }),
      alert('A-mixed', { sources: ['drone', 'inject'] }),
    ];
    const q = filterQueue(alerts, DEFAULT_QUEUE_FILTER, zones);
    expect(q.rows.map((r) => r.alert.id)).toEqual(['A-mixed']);
    expect(q.messagesOnly).toBe(1);
    expect(ids(alerts, { source: 'inject' })).toEqual(['A-MSEL-003', 'A-mixed']);
  });

  it('searches title, id and place names, every word, case-insensitive', () => {
    const alerts = [
      alert('A-ev-1', { title: 'Explosion — Dunmore, Sector North', zoneIds: [] }),
      alert('A-ev-2', { title: 'MLRS fire — Exclusion Zone 2' }),
    ];
    expect(ids(alerts, { text: 'dunmore' })).toEqual(['A-ev-1']);
    expect(ids(alerts, { text: 'KERROW' })).toEqual(['A-ev-2']);
    expect(ids(alerts, { text: 'ev-2' })).toEqual(['A-ev-2']);
    expect(ids(alerts, { text: 'explosion  north' })).toEqual(['A-ev-1']);
    expect(ids(alerts, { text: 'explosion kerrow' })).toEqual([]);
  });

  it('with grouping, lists an incident’s members under its primary where the first ranks', () => {
    const members = ['A-p', 'A-m1', 'A-m2'];
    const alerts = [
      alert('A-m2', { incident: incident('INC-1', members, false) }),
      alert('A-x'),
      alert('A-p', { incident: incident('INC-1', members, true) }),
      alert('A-m1', { incident: incident('INC-1', members, false) }),
    ];
    const q = filterQueue(alerts, { ...DEFAULT_QUEUE_FILTER, groupByIncident: true }, zones);
    expect(q.rows.map((r) => [r.alert.id, r.nested])).toEqual([
      ['A-p', false],
      ['A-m1', true],
      ['A-m2', true],
      ['A-x', false],
    ]);
    expect(ids(alerts)).toEqual(['A-m2', 'A-x', 'A-p', 'A-m1']);
  });

  it('filters by the step due next: version 1’s step, version 2’s track due first', () => {
    const alerts = [
      alert('A-v1', { protocol: run(false) }),
      alert('A-v1-closed', { protocol: run(true) }),
      alert('A-v2', {
        run: v2run([
          ['notify', 'running', false],
          ['verify', 'running', false],
        ]),
      }),
      alert('A-none'),
    ];
    expect(ids(alerts, { step: 'verify' })).toEqual(['A-v1']);
    expect(ids(alerts, { step: 'notify' })).toEqual(['A-v2']);
    // The step choices: the steps open alerts are due in, by title.
    const q = filterQueue(alerts, DEFAULT_QUEUE_FILTER, zones);
    expect(q.steps).toEqual([
      { id: 'notify', title: 'NOTIFY' },
      { id: 'verify', title: 'Verify' },
    ]);
    // A step filtered on that no alert is in any more stays a choice (to be cleared).
    expect(
      filterQueue(alerts, { ...DEFAULT_QUEUE_FILTER, step: 'gone' }, zones).steps,
    ).toContainEqual({ id: 'gone', title: 'gone' });
  });

  it('counts closed and message-only alerts and lists open steps whatever the filter, once per alerts array', () => {
    const alerts = [
      alert('A-v1', { protocol: run(false) }),
      alert('A-v1-closed', { protocol: run(true) }),
      alert('A-closed', { state: 'closed' }),
      alert('A-msg', { sources: ['inject'] }),
      alert('A-none'),
    ];
    const overview = queueOverview(alerts);
    expect(overview).toEqual({
      closed: 2,
      messagesOnly: 1,
      steps: [{ id: 'verify', title: 'Verify' }],
    });
    // The same array again (an unchanged snapshot): the same answer, not worked out again.
    expect(queueOverview(alerts)).toBe(overview);
    for (const filter of [{ text: 'zzz' }, { states: ['active' as const] }, { step: 'verify' }]) {
      const q = filterQueue(alerts, { ...DEFAULT_QUEUE_FILTER, ...filter }, zones);
      expect([q.closed, q.messagesOnly, q.steps]).toEqual([2, 1, overview.steps]);
    }
    // Another array of the same alerts is counted afresh, with the same result.
    expect(queueOverview([...alerts])).toEqual(overview);
  });

  it('filters by sector and by acknowledged or not', () => {
    const alerts = [
      alert('A-s1', { zoneIds: ['z-kerrow', 'sector-1'], acknowledged: true }),
      alert('A-s2', { zoneIds: ['sector-2'] }),
      alert('A-out', { zoneIds: [], acknowledged: true }),
    ];
    expect(ids(alerts, { sector: 'sector-2' })).toEqual(['A-s2']);
    expect(ids(alerts, { sector: 'sector-1' })).toEqual(['A-s1']);
    expect(ids(alerts, { acknowledged: true })).toEqual(['A-s1', 'A-out']);
    expect(ids(alerts, { acknowledged: false })).toEqual(['A-s2']);
    expect(ids(alerts, { acknowledged: null })).toEqual(['A-s1', 'A-s2', 'A-out']);
  });

  it('counts a deadline as breached now or in a step the alert has left, in either version', () => {
    const breachedNow = { ...run(false), breached: true };
    const breachedBefore = {
      ...run(false),
      history: [
        {
          stepId: 'triage',
          stepTitle: 'Triage',
          enteredAt: T0 - 600_000,
          reason: 'entry (high)',
          actor: 'system',
          breachedAt: T0 - 1000,
        },
      ],
    };
    const alerts = [
      alert('A-1now', { protocol: breachedNow }),
      alert('A-1before', { protocol: breachedBefore }),
      alert('A-1ok', { protocol: run(false) }),
      alert('A-2now', {
        run: v2run([
          ['verify', 'running', false],
          ['notify', 'breached', false],
        ]),
      }),
      alert('A-2before', { run: v2run([['verify', 'warning', true]]) }),
      alert('A-2ok', { run: v2run([['verify', 'warning', false]]) }),
      alert('A-none'),
    ];
    expect(ids(alerts, { breached: true })).toEqual(['A-1now', 'A-1before', 'A-2now', 'A-2before']);
    expect(alerts.filter(isBreached).length).toBe(4);
  });

  it('groups by sector in the scenario’s order of sectors, outside-every-sector last, rank order within', () => {
    const members = ['A-p', 'A-m'];
    const alerts = [
      alert('A-out', { rank: 1, zoneIds: [] }),
      alert('A-2a', { rank: 2, zoneIds: ['sector-2'] }),
      alert('A-m', { rank: 3, zoneIds: ['sector-1'], incident: incident('INC-1', members, false) }),
      alert('A-2b', { rank: 4, zoneIds: ['z-kerrow', 'sector-2'] }),
      alert('A-p', { rank: 5, zoneIds: ['sector-1'], incident: incident('INC-1', members, true) }),
    ];
    const q = filterQueue(alerts, { ...DEFAULT_QUEUE_FILTER, groupBySector: true }, zones, SECTORS);
    expect(q.rows.map((r) => r.alert.id)).toEqual(['A-m', 'A-p', 'A-2a', 'A-2b', 'A-out']);
    expect(q.groups).toEqual([
      { sectorId: 'sector-1', label: 'Sector 1 — Coast', start: 0, count: 2 },
      { sectorId: 'sector-2', label: 'Sector 2 — Reservoir', start: 2, count: 2 },
      { sectorId: null, label: 'Outside every sector', start: 4, count: 1 },
    ]);
    // Both groupings: the incident's members together within their sector, primary first.
    const both = filterQueue(
      alerts,
      { ...DEFAULT_QUEUE_FILTER, groupBySector: true, groupByIncident: true },
      zones,
      SECTORS,
    );
    expect(both.rows.map((r) => [r.alert.id, r.nested])).toEqual([
      ['A-p', false],
      ['A-m', true],
      ['A-2a', false],
      ['A-2b', false],
      ['A-out', false],
    ]);
    // Filtered to one sector, one heading.
    const one = filterQueue(
      alerts,
      { ...DEFAULT_QUEUE_FILTER, groupBySector: true, sector: 'sector-2' },
      zones,
      SECTORS,
    );
    expect(one.groups).toEqual([
      { sectorId: 'sector-2', label: 'Sector 2 — Reservoir', start: 0, count: 2 },
    ]);
    expect(filterQueue(alerts, DEFAULT_QUEUE_FILTER, zones, SECTORS).groups).toBeNull();
  });

  it('shows exactly the alerts that pass, in rank order, grouping or not (property)', () => {
    const arbAlert = fc.record({
      severity: fc.constantFrom(...SEVERITIES),
      band: fc.constantFrom(...CERTAINTY_BANDS),
      state: fc.constantFrom(...ALERT_STATES),
      source: fc.constantFrom(...SOURCES),
      incident: fc.option(fc.constantFrom('INC-1', 'INC-2'), { nil: null }),
      sector: fc.option(fc.constantFrom('sector-1', 'sector-2'), { nil: null }),
      acknowledged: fc.boolean(),
    });
    const arbFilter = fc.record({
      states: fc.subarray([...ALERT_STATES]),
      minSeverity: fc.constantFrom(...SEVERITIES),
      minCertainty: fc.constantFrom(...CERTAINTY_BANDS),
      source: fc.option(fc.constantFrom(...SOURCES), { nil: null }),
      inProtocol: fc.boolean(),
      text: fc.constantFrom('', 'kerrow', 'A-1'),
      step: fc.constant(null),
      sector: fc.option(fc.constantFrom('sector-1', 'sector-2'), { nil: null }),
      acknowledged: fc.option(fc.boolean(), { nil: null }),
      breached: fc.constant(false),
      groupByIncident: fc.boolean(),
      groupBySector: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(arbAlert, { maxLength: 30 }), arbFilter, (specs, filter) => {
        const byIncident = new Map<string, string[]>();
        specs.forEach((s, i) => {
          if (s.incident)
            byIncident.set(s.incident, [...(byIncident.get(s.incident) ?? []), `A-${i}`]);
        });
        const alerts = specs.map((s, i) =>
          alert(`A-${i}`, {
            rank: i + 1,
            severity: s.severity,
            state: s.state,
            sources: [s.source],
            zoneIds: s.sector ? ['z-kerrow', s.sector] : ['z-kerrow'],
            acknowledged: s.acknowledged,
            certainty: { value: 0.5, band: s.band, factors: [], incompatibleReports: 0 },
            incident: s.incident
              ? incident(
                  s.incident,
                  byIncident.get(s.incident)!,
                  byIncident.get(s.incident)![0] === `A-${i}`,
                )
              : null,
          }),
        );
        const q = filterQueue(alerts, filter, zones, SECTORS);
        const flat = filterQueue(
          alerts,
          { ...filter, groupByIncident: false, groupBySector: false },
          zones,
          SECTORS,
        );
        // The same set either way; without grouping, rank order.
        expect(new Set(q.rows.map((r) => r.alert.id))).toEqual(
          new Set(flat.rows.map((r) => r.alert.id)),
        );
        const ranks = flat.rows.map((r) => r.alert.rank);
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        for (const { alert: a } of flat.rows) {
          expect(filter.states).toContain(a.state);
          expect(SEVERITIES.indexOf(a.severity)).toBeLessThanOrEqual(
            SEVERITIES.indexOf(filter.minSeverity),
          );
          if (filter.sector !== null) expect(a.zoneIds).toContain(filter.sector);
          if (filter.acknowledged !== null) expect(a.acknowledged).toBe(filter.acknowledged);
        }
        // Sector groups cover the rows exactly, back to back.
        if (q.groups !== null) {
          let next = 0;
          for (const g of q.groups) {
            expect(g.start).toBe(next);
            expect(g.count).toBeGreaterThan(0);
            next += g.count;
          }
          expect(next).toBe(q.rows.length);
        }
        expect(q.rows.length).toBeLessThanOrEqual(q.total);
      }),
    );
  });
});

describe('parseQueueFilter', () => {
  it('round-trips a filter and falls back member by member on bad input', () => {
    const f: QueueFilter = {
      states: ['active', 'closed'],
      minSeverity: 'high',
      minCertainty: 'probable',
      source: 'observer',
      inProtocol: true,
      step: 'verify',
      sector: 'sector-2',
      acknowledged: false,
      breached: true,
      text: 'kerrow',
      groupByIncident: true,
      groupBySector: true,
    };
    expect(parseQueueFilter(JSON.stringify(f))).toEqual(f);
    expect(parseQueueFilter(null)).toEqual(DEFAULT_QUEUE_FILTER);
    expect(parseQueueFilter('{not json')).toEqual(DEFAULT_QUEUE_FILTER);
    expect(
      parseQueueFilter(
        JSON.stringify({
          minSeverity: 'apocalyptic',
          source: 'rumour',
          states: 3,
          step: 7,
          sector: 'x'.repeat(201),
          acknowledged: 'yes',
          breached: 1,
        }),
      ),
    ).toEqual(DEFAULT_QUEUE_FILTER);
    // An old entry (before the step, sector, acknowledged and breached filters) reads as before.
    expect(parseQueueFilter(JSON.stringify({ minSeverity: 'high' }))).toEqual({
      ...DEFAULT_QUEUE_FILTER,
      minSeverity: 'high',
    });
    expect(isDefaultFilter(DEFAULT_QUEUE_FILTER)).toBe(true);
    expect(isDefaultFilter(f)).toBe(false);
  });
});
