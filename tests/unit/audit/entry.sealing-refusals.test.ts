// sealEntry refuses a draft or position that cannot become a valid entry and
// says which field and why, word for word; what it seals carries no member
// the draft left out.
import { describe, expect, test } from 'vitest';
import {
  EntryError,
  sealEntry,
  type EntryDraft,
  type SealPosition,
} from '../../../shared/audit/entry';

const NOTE: EntryDraft = {
  exercise_time: null,
  actor: 'operator-1',
  role: 'operator',
  kind: 'note',
  data: { text: 'hello' },
};

const AT: SealPosition = {
  seq: 1,
  exerciseId: 'ex-0001',
  prevHash: '0'.repeat(64),
  wallTime: '2026-11-26T10:00:00.000Z',
};

function refusal(draft: EntryDraft, position: SealPosition = AT): string {
  try {
    sealEntry(draft, position);
  } catch (error) {
    expect(error).toBeInstanceOf(EntryError);
    expect((error as Error).name).toBe('EntryError');
    return (error as Error).message;
  }
  throw new Error('expected an EntryError');
}

describe('sealEntry refusals', () => {
  test.each<[string, unknown]>([
    ['a list', ['a']],
    ['null', null],
    ['a text', 'hello'],
  ])('data that is %s is not a JSON object', (_, data) => {
    expect(refusal({ ...NOTE, data } as EntryDraft)).toBe(
      'entry seq 1: draft.data: must be a JSON object',
    );
  });

  test('a member the draft format does not define is named', () => {
    expect(refusal({ ...NOTE, extra: 1 } as EntryDraft)).toBe(
      'entry seq 1: draft: Unrecognized key: "extra"',
    );
  });

  test('every problem of a draft is listed, separated by semicolons', () => {
    expect(refusal({ ...NOTE, actor: '', kind: 'Note' })).toBe(
      'entry seq 1: draft.actor: must name who acted; draft.kind: must be a lowercase kind name such as "note"',
    );
  });

  test.each([0, 1.5, -1])('seq %s is refused', (seq) => {
    expect(refusal(NOTE, { ...AT, seq })).toBe(
      `entry seq ${seq}: seq must be a whole number from 1`,
    );
  });

  test('an empty exercise id is refused', () => {
    expect(refusal(NOTE, { ...AT, exerciseId: '' })).toBe('entry seq 1: exercise_id is empty');
  });

  test('a lone surrogate in the exercise id is named there', () => {
    expect(refusal(NOTE, { ...AT, exerciseId: 'ex-\uD800' })).toMatch(
      /^entry seq 1 \(note\): exercise_id\b/,
    );
  });
});

describe('what sealEntry writes', () => {
  test('no alert_id, step_id or party member when the draft has none', () => {
    const entry = sealEntry(NOTE, AT);
    expect(Object.keys(entry)).toEqual([
      'seq',
      'exercise_id',
      'wall_time',
      'exercise_time',
      'actor',
      'role',
      'kind',
      'data',
      'prev_hash',
      'hash',
    ]);
  });
});
