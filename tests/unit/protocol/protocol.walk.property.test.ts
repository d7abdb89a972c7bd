import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PROTOCOL } from '../../../shared/protocol/builtin-protocol';
import {
  allowedActions,
  applyAction,
  applyBreach,
  applyNewEvent,
  applyPartyAck,
  applyWarning,
  currentVisit,
  missingAcks,
  nextTimer,
  startProtocol,
  type AlertProtocolState,
  type ProtocolContext,
} from '../../../shared/protocol/protocol-state';

const ctx: ProtocolContext = {
  protocol: BUILTIN_PROTOCOL,
  parties: [
    { id: 'A', name: 'A', role: 'party' },
    { id: 'B', name: 'B', role: 'party' },
    { id: 'MM', name: 'MM', role: 'monitor' },
  ],
};
const op = { name: 'op', role: 'operator' as const };

// One random move: wait (timers fire in order), an action, a party ack, or a new event.
const move = fc.record({ kind: fc.nat(3), pick: fc.nat(10), waitMin: fc.nat(3000) });

describe('protocol random walks', () => {
  it('keep visits contiguous, time monotone, and close only through an action with a summary', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('triage', 'notify'),
        fc.array(move, { maxLength: 40 }),
        (entry, moves) => {
          let now = 0;
          let s: AlertProtocolState = startProtocol(BUILTIN_PROTOCOL, 'A-x', entry, now, {
            kind: 'manual',
            by: 'op',
          });
          for (const m of moves) {
            if (s.closed) break;
            if (m.kind === 0) {
              const until = now + m.waitMin * 60_000;
              for (let t = nextTimer(s); t && t.at <= until; t = nextTimer(s)) {
                expect(t.at).toBeGreaterThanOrEqual(now);
                now = t.at;
                s =
                  t.kind === 'deadline-warning'
                    ? applyWarning(s, now)
                    : applyBreach(BUILTIN_PROTOCOL, s, now);
              }
              now = until;
            } else if (m.kind === 1) {
              const options = allowedActions(ctx, s, op).filter((a) => a.blockedBy === null);
              const choice = options[m.pick % Math.max(1, options.length)];
              if (!choice) continue;
              const inputs = Object.fromEntries(choice.requires.map((r) => [r, `${r} text`]));
              s = applyAction(ctx, s, choice.id, inputs, op, now);
            } else if (m.kind === 2) {
              const missing = missingAcks(ctx, s);
              const party = missing[m.pick % Math.max(1, missing.length)];
              if (party) s = applyPartyAck(ctx, s, party, 'hotline', 'op', now);
            } else {
              s = applyNewEvent(BUILTIN_PROTOCOL, s, `ev-${m.pick}`, now);
            }
          }
          for (let i = 1; i < s.visits.length; i += 1) {
            expect(s.visits[i - 1]!.leftAt).toBe(s.visits[i]!.enteredAt);
            expect(s.visits[i]!.enteredAt).toBeGreaterThanOrEqual(s.visits[i - 1]!.enteredAt);
          }
          expect(currentVisit(s).leftAt).toBeNull();
          if (s.closed) {
            const cause = currentVisit(s).cause;
            expect(cause.kind).toBe('action');
            expect(s.summary).toBe('summary text');
          }
          for (const visit of s.visits) {
            if (visit.breachedAt !== null) expect(visit.breachedAt).toBe(visit.deadlineAt);
            if (visit.warnedAt !== null) expect(visit.warnedAt).toBe(visit.warnAt);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
