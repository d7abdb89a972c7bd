// Tempo rules (renderer/src/console/tempo-rules.ts): the clock pauses or
// slows itself at training speed when a new critical alert opens, an alert
// enters the protocol, or a deadline reaches its warning — once per event.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TEMPO_RULES,
  tempoDecision,
  tempoMemory,
  type TempoRules,
} from '../../../renderer/src/console/tempo-rules';
import type { AlertView, ProtocolView, Severity } from '../../../renderer/src/console/view-model';

const MIN = 60_000;

function alert(
  id: string,
  severity: Severity,
  protocol: Partial<ProtocolView> | null = null,
): AlertView {
  return {
    id,
    rank: 1,
    severity,
    state: 'active',
    gravity: 50,
    certainty: { value: 0.9, band: 'confirmed', factors: [], incompatibleReports: 0 },
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
    protocol:
      protocol === null
        ? null
        : ({
            stepId: 'triage',
            enteredAt: 0,
            deadlineAt: 10 * MIN,
            closed: false,
            ...protocol,
          } as ProtocolView),
    run: null,
    messageIds: [],
    lat: null,
    lon: null,
  };
}

const ALL: TempoRules = {
  on: ['auto-pause-on-critical', 'tempo-protocol-entry', 'tempo-deadline-warning'],
  then: 'pause',
};
const fast = { speed: 300, playing: true };

describe('tempo rules', () => {
  it('by default pauses only for a newly critical alert, as the console always did', () => {
    const before = tempoMemory([alert('A-1', 'high')], 0);
    const now = [alert('A-1', 'critical'), alert('A-2', 'medium', {})];
    expect(tempoDecision(before, now, MIN, fast, DEFAULT_TEMPO_RULES)).toMatchObject({
      trigger: 'auto-pause-on-critical',
      then: 'pause',
    });
    expect(tempoDecision(tempoMemory(now, MIN), now, MIN, fast, DEFAULT_TEMPO_RULES)).toBeNull();
    // Entering the protocol is not a default trigger.
    expect(
      tempoDecision(before, [alert('A-2', 'medium', {})], MIN, fast, DEFAULT_TEMPO_RULES),
    ).toBeNull();
  });

  it('fires when an alert enters the protocol, once', () => {
    const before = tempoMemory([alert('A-2', 'medium')], 0);
    const now = [alert('A-2', 'medium', {})];
    expect(tempoDecision(before, now, MIN, fast, ALL)?.trigger).toBe('tempo-protocol-entry');
    expect(tempoDecision(tempoMemory(now, MIN), now, 2 * MIN, fast, ALL)).toBeNull();
  });

  it('fires when a deadline crosses 80 % of its time, once per step visit', () => {
    const now = [alert('A-3', 'medium', { enteredAt: 0, deadlineAt: 10 * MIN })];
    const at7 = tempoMemory(now, 7 * MIN);
    expect(tempoDecision(at7, now, 7.9 * MIN, fast, ALL)).toBeNull();
    const decision = tempoDecision(at7, now, 8 * MIN, fast, ALL);
    expect(decision?.trigger).toBe('tempo-deadline-warning');
    expect(decision?.reason).toMatch(/A-3/);
    expect(tempoDecision(tempoMemory(now, 8 * MIN), now, 9 * MIN, fast, ALL)).toBeNull();
    // A new visit of the step (entered later) warns again.
    const again = [alert('A-3', 'medium', { enteredAt: 20 * MIN, deadlineAt: 30 * MIN })];
    expect(tempoDecision(tempoMemory(now, 9 * MIN), again, 28 * MIN, fast, ALL)?.trigger).toBe(
      'tempo-deadline-warning',
    );
  });

  it('acts only while playing above 60x, and slows only a faster clock', () => {
    const before = tempoMemory([], 0);
    const now = [alert('A-1', 'critical')];
    expect(tempoDecision(before, now, 0, { speed: 60, playing: true }, ALL)).toBeNull();
    expect(tempoDecision(before, now, 0, { speed: 300, playing: false }, ALL)).toBeNull();
    const slow = { on: ALL.on, then: 10 };
    expect(tempoDecision(before, now, 0, fast, slow)?.then).toBe(10);
    expect(
      tempoDecision(before, now, 0, { speed: 300, playing: true }, { on: ALL.on, then: 300 }),
    ).toBeNull();
  });
});
