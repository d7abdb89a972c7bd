// Settling the intents a host was applying when it died: applied exactly when
// an entry by that seat's name follows the log's length saved with it.
import { describe, expect, it } from 'vitest';
import { settlePending, type RoomState } from '../../../shared/room/room-state';

const state = (pending: RoomState['pending']): RoomState => ({
  format: 'truceline-room-state',
  version: 1,
  exercise_id: 'ex',
  secret: 'AAAAAAAAAAAAAAAAAAAAAA==',
  seats: [
    {
      seat_id: 's1',
      name: 'Operator Amal',
      assignment: { role: 'operator' },
      token_hash: '0'.repeat(64),
    },
    {
      seat_id: 's2',
      name: 'Liaison Bora',
      assignment: { role: 'party', parties: ['A'] },
      token_hash: '1'.repeat(64),
    },
  ],
  answers: { s1: [['old', { ok: true, last_seq: 1 }]] },
  ...(pending ? { pending } : {}),
});
const log = [
  { seq: 1, actor: 'Operator Amal' },
  { seq: 2, actor: 'system' },
  { seq: 3, actor: 'Liaison Bora' },
  { seq: 4, actor: 'system' },
];

describe('settlePending', () => {
  it('answers as applied a key whose seat wrote after the saved length, keeping earlier answers', () => {
    const settled = settlePending(state({ s2: { key: 'k2', after_seq: 2 } }), log);
    expect(settled.answers['s2']).toEqual([['k2', { ok: true, last_seq: 3 }]]);
    expect(settled.answers['s1']).toEqual([['old', { ok: true, last_seq: 1 }]]);
    expect(settled.pending).toBeUndefined();
  });

  it('forgets a key whose seat wrote nothing after it (never committed): a retry applies it', () => {
    const settled = settlePending(state({ s1: { key: 'k1', after_seq: 1 } }), log);
    expect(settled.answers['s1']).toEqual([['old', { ok: true, last_seq: 1 }]]);
    expect(settled.pending).toBeUndefined();
  });

  it('leaves a state without pending intents as it was', () => {
    expect(settlePending(state(undefined), log)).toEqual(state(undefined));
  });
});
