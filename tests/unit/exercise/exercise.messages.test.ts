// Controller injects as messages: the engine links a message (a scripted
// MSEL inject or a live one) to an alert with a `message-linked` entry naming
// both, refuses unknown, unarrived and non-message ids with a clear reason,
// shows the link on the alert, and a resume rebuilds it from the log.
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { findChainFailure } from '../../../shared/audit/chain';
import { IntentRefused } from '../../../shared/exercise/exercise-engine';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise, resumeExercise } from '../../../shared/exercise/exercise-session';
import { messageSeqs, shownMessages } from '../../../shared/exercise/messages';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import { MIN, T0, at, buildScenario, handEvents } from './hand-scenario';

const WALL = () => new Date('2026-11-26T10:00:00.000Z');
const operator = { name: 'operator-1', role: 'operator' as const };
const controller = { name: 'control', role: 'controller' as const };

/** MSEL-003 of the 72-hour sample in miniature: a party's hotline call about the MLRS fire. */
const hotline: ScenarioEvent = {
  id: 'MSEL-003',
  time: at(75),
  source: 'inject',
  type: 'inject',
  summary: 'Hotline call: the Party A duty officer reports the shelling and accuses Party B.',
  expected_action: 'Log the call; link it to the alert.',
  'x-from': 'Party A liaison officer',
  'x-to': 'Mission duty officer',
  'x-inject-kind': 'Hotline',
};
const denial: ScenarioEvent = {
  ...hotline,
  id: 'MSEL-004',
  time: at(600),
  summary: 'Hotline call: Party B denies firing.',
  'x-from': 'Party B liaison officer',
};

async function start(actor: typeof operator | typeof controller = operator) {
  const scenario = buildScenario([...handEvents(), hotline, denial]);
  const log = new MemoryAuditLog('ex', { now: WALL });
  const engine = await createExercise(prepareExercise(scenario, 'test'), log, actor);
  return { scenario, engine, log };
}

describe('messages', () => {
  it('lists the injects shown so far, newest first, with their text, sender and channel', async () => {
    const { scenario, engine } = await start(controller);
    await engine.advanceTo(T0 + 80 * MIN);
    await engine.inject({ summary: 'Media report: fires near Kerrow.', from: 'Sim cell' });
    const messages = shownMessages(
      scenario.events,
      messageSeqs(scenario.events),
      engine.shownCount,
      engine.injectedEvents(),
    );
    expect(messages.map((m) => [m.eventId, m.text, m.from, m.method, m.live])).toEqual([
      ['inject-1', 'Media report: fires near Kerrow.', 'Sim cell', null, true],
      ['MSEL-003', hotline.summary, 'Party A liaison officer', 'Hotline', false],
    ]);
  });

  it('links a message to an alert, logged with both ids, signed into the chain like any entry', async () => {
    const { engine, log } = await start();
    await engine.advanceTo(T0 + 80 * MIN);
    const alert = engine.getSnapshot().alerts.find((a) => a.eventIds.includes('mlrs-1'))!;
    await engine.linkMessage('MSEL-003', alert.id);
    const entries = await log.readEntries();
    const last = entries.at(-1)!;
    expect(last).toMatchObject({
      kind: 'message-linked',
      actor: 'operator-1',
      role: 'operator',
      alert_id: alert.id,
      data: { event_id: 'MSEL-003' },
    });
    expect(findChainFailure(entries)).toBeNull();
    const after = engine.getSnapshot().alerts.find((a) => a.id === alert.id)!;
    expect(after.messages).toEqual(['MSEL-003']);
  });

  it('refuses unknown, unarrived, duplicate and non-message ids, saying which and why, logging nothing', async () => {
    const { engine, log } = await start();
    await engine.advanceTo(T0 + 80 * MIN);
    const alert = engine.getSnapshot().alerts.find((a) => a.eventIds.includes('mlrs-1'))!;
    const before = (await log.readEntries()).length;
    await expect(engine.linkMessage('MSEL-999', alert.id)).rejects.toThrow(
      new IntentRefused('no message "MSEL-999" in this exercise'),
    );
    await expect(engine.linkMessage('MSEL-004', alert.id)).rejects.toThrow(
      'message MSEL-004 has not arrived yet',
    );
    await expect(engine.linkMessage('mlrs-2', alert.id)).rejects.toThrow(
      'event mlrs-2 is a report, not a message',
    );
    await expect(engine.linkMessage('MSEL-003', 'A-nope')).rejects.toThrow(
      'no alert "A-nope" is open in this exercise',
    );
    expect((await log.readEntries()).length).toBe(before);
    await engine.linkMessage('MSEL-003', alert.id);
    await expect(engine.linkMessage('MSEL-003', alert.id)).rejects.toThrow(
      `message MSEL-003 is already linked to alert ${alert.id}`,
    );
  });

  it('links a live inject too, and a resume rebuilds every link from the log', async () => {
    const { scenario, engine, log } = await start(controller);
    await engine.advanceTo(T0 + 80 * MIN);
    await engine.inject({ summary: 'Party B liaison calls back.' });
    const alert = engine.getSnapshot().alerts.find((a) => a.eventIds.includes('mlrs-1'))!;
    await engine.linkMessage('inject-1', alert.id);
    await engine.linkMessage('MSEL-003', alert.id);
    await engine.advanceTo(T0 + 90 * MIN);
    const resumed = await resumeExercise(scenario, await log.readEntries());
    await resumed.advanceTo(engine.now);
    expect(resumed.getSnapshot()).toEqual(engine.getSnapshot());
    expect(resumed.getSnapshot().alerts.find((a) => a.id === alert.id)!.messages).toEqual([
      'inject-1',
      'MSEL-003',
    ]);
  });
});
