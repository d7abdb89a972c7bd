// Text a person types that is not valid Unicode (a lone UTF-16 surrogate: half
// of an emoji cut off by a paste) is refused where it enters, with a message
// saying which field and where, nothing is written, and the exercise goes on:
// such a log could not be read back by the strict reader.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  BundleError,
  EntryError,
  MemoryAuditLog,
  buildExportBundle,
  type EntryDraft,
} from '../../../shared/audit';
import { IntentRefused } from '../../../shared/exercise/exercise-engine';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise } from '../../../shared/exercise/exercise-session';
import {
  MAX_PARTICIPANT_NAME,
  participantNameProblem,
} from '../../../shared/exercise/participant-name';
import { DexieAuditLog, openTrucelineDatabase } from '../../../renderer/src/storage';
import { EXERCISE } from '../audit/log-fixture';
import { MIN, T0, buildScenario, handEvents, V1_PROTOCOL } from './hand-scenario';

const HIGH = '\uD83D'; // the first half of 😀
const LOW = '\uDE00'; // its second half
const operator = { name: 'Ana', role: 'operator' as const };
const controller = { name: 'Control', role: 'controller' as const };

async function running() {
  const log = new MemoryAuditLog('ex-typed');
  const engine = await createExercise(
    prepareExercise(buildScenario(handEvents()), 'test', V1_PROTOCOL),
    log,
    operator,
  );
  await engine.advanceTo(T0 + 61 * MIN);
  return { engine, log };
}

const note = (text: string, actor = 'Ana'): EntryDraft => ({
  exercise_time: null,
  actor,
  role: 'operator',
  kind: 'note',
  data: { text },
});

describe('participant names', () => {
  it('the start dialog names the problem; whole emoji are fine', () => {
    expect(participantNameProblem(`Ana ${HIGH}`)).toBe(
      'The name holds an invalid character at position 5 (half of a UTF-16 surrogate pair, such as part of an emoji cut off when pasting): retype or remove it.',
    );
    expect(participantNameProblem(`Ana ${HIGH}${LOW}`)).toBeNull();
    expect(participantNameProblem('')).toMatch(/Type your name/);
  });

  it(`takes a name of up to ${MAX_PARTICIPANT_NAME} characters, and says so past that`, () => {
    expect(participantNameProblem('A'.repeat(MAX_PARTICIPANT_NAME))).toBeNull();
    expect(participantNameProblem('A'.repeat(MAX_PARTICIPANT_NAME + 1))).toBe(
      `Keep the name under ${MAX_PARTICIPANT_NAME} characters.`,
    );
  });

  it('starting an exercise with one is refused before anything is logged', async () => {
    const log = new MemoryAuditLog('ex-name');
    const setup = prepareExercise(buildScenario(handEvents()), 'test', V1_PROTOCOL);
    const start = createExercise(setup, log, { name: `${LOW}Ana`, role: 'operator' });
    await expect(start).rejects.toBeInstanceOf(IntentRefused);
    await expect(start).rejects.toThrow(
      /^the participant name holds an invalid character at position 1 \(half of a UTF-16 surrogate pair/,
    );
    expect(log.entries()).toEqual([]);
  });

  it('an intent by an actor whose name holds one is refused, and the exercise goes on', async () => {
    const { engine, log } = await running();
    const before = log.entries().length;
    await expect(
      engine.acknowledge('A-mlrs-1', { name: `Bo${HIGH}`, role: 'operator' }),
    ).rejects.toThrow('the participant name holds an invalid character at position 3');
    expect(log.entries()).toHaveLength(before);
    expect(engine.fault).toBeNull();
    await engine.acknowledge('A-mlrs-1');
    expect(log.entries()).toHaveLength(before + 1);
  });
});

type Engine = Awaited<ReturnType<typeof running>>['engine'];

describe('free text in intents', () => {
  const cases: {
    what: string;
    intent: (e: Engine) => Promise<void>;
    message: string;
    playing?: true;
  }[] = [
    {
      what: 'a note',
      intent: (e) => e.note(`Drone ${HIGH} tasked`, 'A-mlrs-1'),
      message: 'the text holds an invalid character at position 7',
    },
    {
      what: 'an inject summary',
      intent: (e) => e.inject({ summary: `Shelling ${LOW}`, method: 'media' }, controller),
      message: 'the summary holds an invalid character at position 10',
    },
    {
      what: 'an inject method',
      intent: (e) => e.inject({ summary: 'Shelling', method: `radio${HIGH}` }, controller),
      message: 'the method holds an invalid character at position 6',
    },
    {
      what: 'a protocol action input',
      intent: (e) =>
        e.act('A-mlrs-1', 'false-alarm', {
          rationale: 'crop fire',
          summary: `No violation ${HIGH}.`,
        }),
      message: 'the "summary" field holds an invalid character at position 14',
    },
    {
      what: 'a pause reason',
      intent: (e) => e.pause(`hot wash ${LOW}`),
      message: 'the reason holds an invalid character at position 10',
      playing: true,
    },
    {
      what: 'an end reason',
      intent: (e) => e.end(`done ${HIGH}`),
      message: 'the reason holds an invalid character at position 6',
    },
  ];
  for (const { what, intent, message, playing } of cases) {
    it(`${what} with one is refused with the field named; nothing is logged and the exercise goes on`, async () => {
      const { engine, log } = await running();
      if (playing) await engine.play();
      const before = log.entries().length;
      const error = await intent(engine).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(IntentRefused);
      expect((error as Error).message).toContain(message);
      expect((error as Error).message).toContain('retype or remove it');
      expect(log.entries()).toHaveLength(before);
      expect(engine.fault).toBeNull();
      expect(engine.ended).toBe(false);
      await engine.note('typed again, correctly 😀', 'A-mlrs-1');
      expect(log.entries().at(-1)!.data).toEqual({ text: 'typed again, correctly 😀' });
    });
  }
});

describe('the log writers refuse one too, naming the field (nothing written)', () => {
  it('memory log', async () => {
    const log = new MemoryAuditLog('ex-writer');
    await log.append([note('first')]);
    await expect(log.append([note('fine'), note(`bad ${HIGH}`)])).rejects.toThrow(
      new EntryError(
        'entry seq 3 (note): data.text holds an invalid character at position 5 (half of a UTF-16 surrogate pair, such as part of an emoji cut off when pasting): retype or remove it',
      ),
    );
    await expect(log.append([note('fine', `Ana${LOW}`)])).rejects.toThrow(
      /^entry seq 2 \(note\): actor holds an invalid character at position 4/,
    );
    expect(log.entries().map((e) => e.data.text)).toEqual(['first']);
  });

  it('IndexedDB log', async () => {
    const db = await openTrucelineDatabase(`test-typed-${process.pid}`);
    try {
      const log = await DexieAuditLog.open(db, 'ex-dexie');
      await log.append([note('first')]);
      const refused = log.append([note(`bad ${LOW}`)]);
      await expect(refused).rejects.toBeInstanceOf(EntryError);
      await expect(refused).rejects.toThrow(
        /^entry seq 2 \(note\): data\.text holds an invalid character at position 5/,
      );
      expect((await log.readEntries()).map((e) => e.data.text)).toEqual(['first']);
      expect(await db.log.count()).toBe(1);
      await log.close();
    } finally {
      db.close();
      await Dexie.delete(db.name);
    }
  });

  it('an export refuses exercise details holding one, even unsigned', async () => {
    const log = new MemoryAuditLog(EXERCISE.id);
    await log.append([note('first')]);
    await expect(
      buildExportBundle({
        exercise: { ...EXERCISE, title: `Drill ${HIGH}` },
        entries: log.entries(),
      }),
    ).rejects.toThrow(
      new BundleError(
        'exercise.title holds an invalid character at position 7 (half of a UTF-16 surrogate pair, such as part of an emoji cut off when pasting): retype or remove it',
      ),
    );
  });
});
