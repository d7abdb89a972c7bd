// The report credits what the operator did with the scripted injects: a
// message linked to an alert (`message-linked`) is credited, one whose MSEL
// asks for a link and never got one is an area for improvement once the
// exercise has ended (open while it runs), and one that asks for no link is
// listed, not judged.
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise } from '../../../shared/exercise/exercise-session';
import { buildAfterActionReport } from '../../../shared/report/after-action-report';
import { reportToMarkdown } from '../../../shared/report/report-markdown';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import { MIN, T0, at, buildScenario, handEvents } from '../exercise/hand-scenario';

const operator = { name: 'operator-1', role: 'operator' as const };

const hotline: ScenarioEvent = {
  id: 'MSEL-003',
  time: at(75),
  source: 'inject',
  type: 'inject',
  summary: 'Hotline call: Party A reports the shelling and accuses Party B.',
  expected_action: 'Log the call; link it to the MLRS alert.',
  'x-from': 'Party A liaison officer',
  'x-inject-kind': 'Hotline',
};
const denial: ScenarioEvent = {
  ...hotline,
  id: 'MSEL-004',
  time: at(90),
  summary: 'Hotline call: Party B denies firing.',
  expected_action: 'Record the denial verbatim; request an explanation in writing.',
  'x-from': 'Party B liaison officer',
};
const later: ScenarioEvent = { ...hotline, id: 'MSEL-009', time: at(23 * 60) };

async function play(link: { message: string }[], end: boolean) {
  const scenario = buildScenario([...handEvents(), hotline, denial, later]);
  const log = new MemoryAuditLog('ex-msg', { now: () => new Date('2026-11-26T10:00:00.000Z') });
  const engine = await createExercise(prepareExercise(scenario, 'test'), log, operator);
  await engine.advanceTo(T0 + 100 * MIN);
  const mlrs = engine.getSnapshot().alerts.find((a) => a.eventIds.includes('mlrs-1'))!;
  for (const { message } of link) await engine.linkMessage(message, mlrs.id);
  if (end) {
    await engine.advanceTo(T0 + 24 * 60 * MIN);
    await engine.end('end of play');
  }
  const report = await buildAfterActionReport({
    scenario,
    entries: log.entries().slice(),
    keyId: null,
  });
  return { report, alertId: mlrs.id };
}

describe('messages in the after-action report', () => {
  it('credits the links made, Party B’s denial included, as a strength and in both renderings', async () => {
    const { report, alertId } = await play(
      [{ message: 'MSEL-004' }, { message: 'MSEL-003' }],
      false,
    );
    // Only what has arrived: MSEL-009 comes at 23:00.
    expect(report.messages.map((m) => [m.event_id, m.verdict, m.linked_to, m.link_asked])).toEqual([
      ['MSEL-003', 'linked', [alertId], true],
      ['MSEL-004', 'linked', [alertId], false],
    ]);
    expect(report.messages[1]).toMatchObject({
      from: 'Party B liaison officer',
      summary: denial.summary,
      expected_action: denial.expected_action,
      exercise_time: at(90),
    });
    expect(report.strengths).toContain(
      `2 message(s) were linked to their alerts: MSEL-003 → ${alertId}, MSEL-004 → ${alertId}.`,
    );
    const md = reportToMarkdown(report);
    expect(md).toContain(
      `- MSEL-004 (2026-03-01 01:30Z, Party B liaison officer): linked to ${alertId}`,
    );
  });

  it('counts a link the MSEL asks for as open while the exercise runs, and missing once it ended', async () => {
    const running = await play([], false);
    expect(running.report.messages.map((m) => [m.event_id, m.verdict])).toEqual([
      ['MSEL-003', 'link-open'],
      ['MSEL-004', 'no-link-asked'],
    ]);
    expect(running.report.improvements.map((i) => i.observation).join('\n')).not.toContain(
      'never linked',
    );
    const ended = await play([{ message: 'MSEL-003' }], true);
    expect(ended.report.messages.map((m) => [m.event_id, m.verdict])).toEqual([
      ['MSEL-003', 'linked'],
      ['MSEL-004', 'no-link-asked'],
      ['MSEL-009', 'not-linked'],
    ]);
    expect(ended.report.improvements.map((i) => i.observation)).toContain(
      '1 message(s) whose expected action asks for a link to an alert were never linked: MSEL-009.',
    );
    expect(reportToMarkdown(ended.report)).toContain(
      '- MSEL-009 (2026-03-01 23:00Z, Party A liaison officer): **not linked** (a link was expected)',
    );
  });
});
