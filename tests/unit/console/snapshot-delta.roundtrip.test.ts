import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createDeltaDecoder,
  createDeltaEncoder,
  type SnapshotDelta,
} from '../../../renderer/src/console/snapshot-delta';
import type { AlertView, ConsoleSnapshot } from '../../../renderer/src/console/view-model';

function alertView(id: string, version: number, rank: number): AlertView {
  return {
    id,
    rank,
    severity: version % 2 ? 'high' : 'medium',
    state: 'active',
    gravity: 40 + version,
    certainty: { value: 0.5, band: 'possible', factors: [], incompatibleReports: 0 },
    title: `alert ${id} v${version}`,
    shortTitle: `alert ${id}`,
    zoneIds: ['z1'],
    sources: ['drone'],
    firstAt: 1000,
    lastAt: 1000 + version,
    quiet: false,
    acknowledged: version > 3,
    eventSeqs: Array.from({ length: version + 1 }, (_, i) => i),
    factors: [{ id: 'intensity', label: 'Intensity', points: version, reason: 'why' }],
    links: [],
    continues: null,
    incident: null,
    protocol: null,
    run: null,
    messageIds: [],
    lat: -44.5,
    lon: -121,
  };
}

function snapshot(alerts: readonly AlertView[], now: number): ConsoleSnapshot {
  return {
    clock: { now, start: 0, end: 10_000, playing: true, speed: 300, timezone: 'UTC' },
    shownCount: now,
    alerts,
    fault: null,
    ended: false,
    headSeq: now,
    simCell: null,
    reports: null,
    plan: null,
    withheld: [],
    injectedCount: 0,
    // A skip's progress travels with every frame; odd frames stand for one running.
    skip: now % 2 === 1 ? { alerts: alerts.length } : null,
  };
}

/** One frame of a run: which alerts exist (in rank order) and which of them changed. */
const frameArb = fc.record({
  kind: fc.constantFrom('clock only', 'some changed', 'reranked'),
  ids: fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { maxLength: 10 }),
  bump: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
});

/** Frames as the engine produces them: an unchanged alert is the same object as before. */
type FramePlan = typeof frameArb extends fc.Arbitrary<infer T> ? T : never;

function framesOf(plan: FramePlan[]): ConsoleSnapshot[] {
  const current = new Map<string, { version: number; view: AlertView }>();
  const frames: ConsoleSnapshot[] = [];
  plan.forEach((step, t) => {
    const previous = frames.at(-1);
    if (step.kind === 'clock only' && previous) {
      frames.push(snapshot(previous.alerts, t));
      return;
    }
    // 'some changed' keeps the ranked ids and bumps some alerts; 'reranked' draws new ids.
    const ids =
      step.kind === 'some changed' && previous
        ? previous.alerts.map((a) => a.id)
        : step.ids.map((n) => `A${n}`);
    const alerts = ids.map((id, i) => {
      const had = current.get(id);
      if (had && had.view.rank === i + 1 && !step.bump[i]) return had.view;
      const version = (had?.version ?? 0) + 1;
      const view = alertView(id, version, i + 1);
      current.set(id, { version, view });
      return view;
    });
    frames.push(snapshot(alerts, t));
  });
  return frames;
}

describe('snapshot deltas between the engine worker and the console', () => {
  it('rebuild every snapshot exactly across a structured clone, keeping unchanged alerts as the same objects', () => {
    fc.assert(
      fc.property(fc.array(frameArb, { minLength: 1, maxLength: 25 }), (plan) => {
        const encode = createDeltaEncoder();
        const decode = createDeltaDecoder();
        let before: ConsoleSnapshot | null = null;
        let decodedBefore: ConsoleSnapshot | null = null;
        for (const frame of framesOf(plan)) {
          // The worker boundary: what the UI thread receives is a clone.
          const delta: SnapshotDelta = structuredClone(encode(frame));
          const decoded = decode(delta);
          expect(decoded).toEqual(frame);
          if (before && decodedBefore) {
            if (frame.alerts === before.alerts) expect(decoded.alerts).toBe(decodedBefore.alerts);
            const old = new Map(before.alerts.map((a, i) => [a.id, i] as const));
            frame.alerts.forEach((alert, i) => {
              const j = old.get(alert.id);
              if (j !== undefined && before!.alerts[j] === alert) {
                expect(decoded.alerts[i]).toBe(decodedBefore!.alerts[j]);
              }
            });
          }
          before = frame;
          decodedBefore = decoded;
        }
      }),
    );
  });

  it('sends only what changed: nothing for a frame that moved only the clock', () => {
    const encode = createDeltaEncoder();
    const a = alertView('A1', 1, 1);
    const b = alertView('A2', 1, 2);
    const first = encode(snapshot([a, b], 1));
    expect(first.changed).toEqual([a, b]);
    expect(Array.from(first.order!)).toEqual([0, 1]);
    const clockOnly = encode(snapshot([a, b], 2));
    expect(clockOnly.changed).toEqual([]);
    expect(clockOnly.order).toBeNull();
    const b2 = alertView('A2', 2, 2);
    const oneChanged = encode(snapshot([a, b2], 3));
    expect(oneChanged.changed).toEqual([b2]);
    expect(oneChanged.order).toBeNull();
  });

  it('refuses a delta that ranks an alert it never sent, naming it', () => {
    const decode = createDeltaDecoder();
    const delta: SnapshotDelta = { ...snapshot([], 1), changed: [], order: Int32Array.of(9) };
    expect(() => decode(delta)).toThrow(/alert number 9 is ranked but was never sent/);
  });
});
