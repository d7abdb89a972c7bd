import fc from 'fast-check';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  AlertRow,
  alertRowUnchanged,
  type AlertRowProps,
} from '../../../renderer/src/alerts/AlertQueue';
import type { AlertView, ProtocolView } from '../../../renderer/src/console/view-model';

const T0 = Date.UTC(2026, 2, 1, 4, 0);
const MIN = 60_000;

function step(enteredAt: number, deadlineAt: number | null, closed: boolean): ProtocolView {
  return {
    stepId: 'verify',
    stepTitle: 'Verify',
    instructions: 'Check',
    role: 'operator',
    enteredAt,
    deadlineAt,
    breached: false,
    actions: [],
    acks: [],
    history: [],
    closed,
    suggestedJump: null,
  };
}

function alert(protocol: ProtocolView | null): AlertView {
  return {
    id: 'A1',
    rank: 1,
    severity: 'high',
    state: 'active',
    gravity: 61.5,
    certainty: { value: 0.62, band: 'probable', factors: [], incompatibleReports: 0 },
    title: 'Artillery near the line',
    shortTitle: 'Artillery — near Kerrow',
    zoneIds: ['z1'],
    sources: ['drone'],
    firstAt: T0 + 17_345,
    lastAt: T0 + 5 * MIN,
    quiet: false,
    acknowledged: false,
    eventSeqs: [0, 1],
    factors: [],
    links: [],
    continues: null,
    incident: null,
    protocol,
    run: null,
    messageIds: [],
    lat: -44.5,
    lon: -121,
  };
}

const zoneNames = new Map([['z1', 'Sector North']]);
const onSelect = () => {};
const props = (a: AlertView, now: number): AlertRowProps => ({
  alert: a,
  now,
  top: 0,
  selected: false,
  zoneNames,
  onSelect,
});
const markup = (p: AlertRowProps) => renderToStaticMarkup(createElement(AlertRow, p));

describe('queue row memo', () => {
  it('skips a re-render only when the row would render the same markup', () => {
    const protocolArb = fc.oneof(
      fc.constant(null),
      fc
        .tuple(
          fc.integer({ min: 0, max: 120 * MIN }),
          fc.option(fc.integer({ min: 1, max: 180 * MIN })),
          fc.boolean(),
        )
        .map(([entered, length, closed]) =>
          step(T0 + entered, length === null ? null : T0 + entered + length, closed),
        ),
    );
    fc.assert(
      fc.property(
        protocolArb,
        fc.integer({ min: 0, max: 600 * MIN }),
        // Mostly a frame's worth of clock (a few seconds at 300x), sometimes minutes.
        fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 10 * MIN })),
        (protocol, at, moved) => {
          const a = alert(protocol);
          const before = props(a, T0 + at);
          const after = props(a, T0 + at + moved);
          if (alertRowUnchanged(before, after)) expect(markup(after)).toBe(markup(before));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('re-renders a row without a running step once a minute of exercise time, not every frame', () => {
    const a = alert(null);
    const renders = [0, 5, 10, 59, 60, 65].map((s) => T0 + 17_345 + s * 1000);
    const changed = renders
      .slice(1)
      .map((now, i) => !alertRowUnchanged(props(a, renders[i]!), props(a, now)));
    expect(changed).toEqual([false, false, false, true, false]);
  });
});
