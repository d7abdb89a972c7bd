// The headless operator on protocol version 2 (docs/CLI.md, `exercise
// --protocol v2`): it never plays a party, closes every incident with
// findings, records routine violations for the daily report instead of
// calling the parties, and says truthfully who acknowledged when the
// notification deadline passed.
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import {
  createAutoOperatorV2,
  hotlineEscalationSummary,
} from '../../../shared/exercise/auto-operator-v2';
import type { RunVisit } from '../../../shared/protocol/protocol-run';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { runHeadlessExercise } from '../../../shared/exercise/run-headless';
import { createSimCell } from '../../../shared/exercise/sim-cell';
import { BUILTIN_PROTOCOL_V2 } from '../../../shared/protocol/builtin-protocol';
import type { PartyScript } from '../../../shared/scenario/schema';
import { MIN, T0, buildScenario, handEvents } from './hand-scenario';

const operator = { name: 'auto-operator', role: 'operator' as const };
const WALL = () => new Date('2026-11-26T10:00:00.000Z');

async function play(script: PartyScript) {
  const scenario = buildScenario(handEvents(), { partyScript: script, end: T0 + 72 * 60 * MIN });
  const log = new MemoryAuditLog('ex', { now: WALL });
  const engine = await runHeadlessExercise({
    setup: prepareExercise(scenario, 'test', { protocol: BUILTIN_PROTOCOL_V2.document }),
    log,
    policy: createAutoOperatorV2(operator, createSimCell()),
  });
  return { engine, entries: log.entries() };
}

describe('auto operator on protocol version 2', () => {
  it('never makes a party move; every closed incident carries its findings', async () => {
    const { engine, entries } = await play({
      default: {
        acknowledge: { after_min: 5 },
        reply: { kind: 'denies', after_h: 2, text: 'No.' },
      },
    });
    const moves = entries.filter((e) => e.kind === 'party-move' || e.kind === 'party-ack');
    expect(moves.length).toBeGreaterThan(0);
    for (const m of moves) expect(m.role).toBe('party');
    const closed = [...engine.runs().values()].filter((r) => r.closed);
    expect(closed.length).toBeGreaterThan(0);
    for (const run of closed) {
      expect(run.findings?.attribution).toBeTruthy();
      expect(run.findings?.intent).toBeTruthy();
      expect(run.findings?.outcome).toBeTruthy();
    }
  });

  it('after a missed notification deadline, names the parties that had acknowledged', () => {
    const notify = {
      step: 'notify-parties',
      acks: [
        { party: 'A', at: T0 + 2 * MIN },
        { party: 'B', at: T0 + 20 * MIN },
      ],
    } as unknown as RunVisit;
    const escalation = { step: 'hotline-escalation', acks: [] } as unknown as RunVisit;
    expect(hotlineEscalationSummary([notify, escalation])).toMatch(/acknowledged: A, B/);
    expect(hotlineEscalationSummary([{ ...notify, acks: [] } as RunVisit, escalation])).toMatch(
      /no party has acknowledged/,
    );
  });
});
