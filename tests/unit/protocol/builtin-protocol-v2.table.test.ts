import { describe, expect, it } from 'vitest';
import {
  BUILTIN_PROTOCOL,
  BUILTIN_PROTOCOL_V2,
  NEW_EXERCISE_PROTOCOL_FORMAT,
  builtinProtocolForNewExercise,
} from '../../../shared/protocol/builtin-protocol';
import builtinV2Document from '../../../shared/protocol/builtin-protocol-v2.json';
import { jcsSha256 } from '../../../shared/protocol/content-hash';
import { FINDINGS_INPUTS, actionRoles } from '../../../shared/protocol/schema';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise, resumeExercise } from '../../../shared/exercise/exercise-session';
import { MIN, T0, V1_PROTOCOL, buildScenario, handEvents } from '../exercise/hand-scenario';

// The table of docs/ESCALATION-PROTOCOL.md, "The built-in version-2 protocol":
// track, step, role, deadline in minutes ("i" suffix: from the incident),
// on_deadline, and each action as id -> next (· stays) +opened tracks.
const TABLE = `
triage       triage             operator        10    flag               start-verification->done+verify | confirmed-violation->done+hotline,explanation,consultation,reporting | record-violation->close | false-alarm->close
triage       escalate           operator        5     flag               open-tracks->done+hotline,explanation,consultation,reporting | triage-first->triage
verify       task-sensors       operator        60    flag               confirmed->done+hotline,explanation,consultation,reporting | request-visit->visit-requested | unconfirmed->monitor | false-alarm->close | meeting-request->·+consultation
verify       visit-requested    party           1440  visit-refused      visit-consent->joint-visit | visit-refusal->visit-refused | withdraw-request->task-sensors | meeting-request->·+consultation
verify       joint-visit        operator        2880  flag               visit-confirms->done+hotline,explanation,consultation,reporting | visit-inconclusive->monitor | visit-clears->close
verify       visit-refused      operator        60    flag               refusal-recorded->task-sensors+consultation
verify       monitor            operator        -     -                  re-assess->task-sensors | nothing-further->close | meeting-request->·+consultation
hotline      notify-parties     operator        30    hotline-escalation all-acknowledged->stop-fire-call
hotline      hotline-escalation operator        30    flag               escalation-recorded->stop-fire-call
hotline      stop-fire-call     operator        60    flag               fire-stopped->done | fire-continues->chair-call
hotline      chair-call         guarantor-chair 60    flag               chair-called->done
explanation  send-request       operator        60    flag               request-sent->await-reply
explanation  await-reply        party           2880  no-reply           reply->assess-reply | meeting-request->·+consultation
explanation  assess-reply       operator        120   flag               reply-accounts->done | answer-with-evidence->await-reply | unresolved->done+consultation
explanation  no-reply           operator        60    flag               no-reply-recorded->done+consultation
consultation convene            operator        1440i refer              meeting-opened->meeting
consultation convene-on-request operator        2880  refer              meeting-opened->meeting
consultation meeting            operator        720   refer              attend->· | refuse-meeting->· | propose-measures->· | accept-measures->· | measures-agreed->done+resolution | no-agreement->refer
consultation refer              operator        1440  flag               referred->guarantors
consultation guarantors         guarantor-chair 4320  flag               direct-measures->done+resolution | close-escalated->close
resolution   verify-measures    operator        4320  flag               measures-verified->close | measures-not-carried-out->report-breach
resolution   report-breach      operator        1440  flag               close-unmet->close
reporting    spot-report        operator        60    flag               spot-report-sent->daily-report
reporting    daily-report       operator        1440  flag               daily-report-sent->done
`;

function describeStep(track: string, id: string): string {
  const step = BUILTIN_PROTOCOL_V2.steps.get(id)!.step;
  const deadline =
    step.deadline_min === undefined
      ? '-'
      : `${step.deadline_min}${step.deadline_from === 'incident' ? 'i' : ''}`;
  const actions = step.actions.map((a) => {
    const opens = (a.opens ?? []).map((o) => (typeof o === 'string' ? o : o.track));
    return `${a.id}->${a.next ?? '·'}${opens.length > 0 ? `+${opens.join(',')}` : ''}`;
  });
  const role = String(step.role);
  return [track, id, role, deadline, step.on_deadline ?? '-', actions.join(' | ')].join(' ');
}

describe('built-in protocol, version 2', () => {
  it('loads, lints clean and is hashed as JCS + SHA-256 of the document', () => {
    expect(BUILTIN_PROTOCOL_V2.hash).toBe(jcsSha256(builtinV2Document));
    expect(BUILTIN_PROTOCOL_V2.hash).not.toBe(BUILTIN_PROTOCOL.hash);
  });

  it('has exactly the tracks, steps, deadlines and transitions of the docs table', () => {
    const rows = TABLE.trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/).join(' '));
    const actual = BUILTIN_PROTOCOL_V2.document.tracks.flatMap((t) =>
      t.steps.map((s) => describeStep(t.id, s.id)),
    );
    expect(actual).toEqual(rows);
    for (const step of BUILTIN_PROTOCOL_V2.steps.values()) {
      expect(step.step.instructions.length, step.step.id).toBeGreaterThan(80);
    }
  });

  it('enters by gravity and certainty as the docs say, and requires findings on every close', () => {
    expect(BUILTIN_PROTOCOL_V2.document.entry).toEqual({
      critical: {
        confirmed: 'escalate',
        probable: 'escalate',
        possible: 'task-sensors',
        unconfirmed: 'task-sensors',
        cleared: null,
      },
      high: {
        confirmed: 'triage',
        probable: 'triage',
        possible: 'triage',
        unconfirmed: 'triage',
        cleared: null,
      },
      medium: {
        confirmed: 'triage',
        probable: 'triage',
        possible: 'triage',
        unconfirmed: null,
        cleared: null,
      },
      low: null,
      info: null,
      manual: 'triage',
    });
    const closes = [...BUILTIN_PROTOCOL_V2.steps.values()].flatMap(({ step }) =>
      step.actions.filter((a) => a.next === 'close').map((a) => ({ step, a })),
    );
    expect(closes.map(({ a }) => a.id).sort()).toEqual([
      'close-escalated',
      'close-unmet',
      'false-alarm',
      'false-alarm',
      'measures-verified',
      'nothing-further',
      'record-violation',
      'visit-clears',
    ]);
    for (const { step, a } of closes) {
      expect(a.requires, a.id).toEqual([...FINDINGS_INPUTS, 'summary']);
      expect(actionRoles(step, a), a.id).toEqual(['operator']);
    }
    const meeting = BUILTIN_PROTOCOL_V2.steps.get('meeting')!.step;
    expect(meeting.actions.find((a) => a.id === 'measures-agreed')!.requires_moves).toEqual([
      'accept-measures',
    ]);
    expect(BUILTIN_PROTOCOL_V2.steps.get('notify-parties')!.step.acks).toBe('all-parties');
  });

  it('is what a new exercise runs on, now that the console shows tracks; one recorded on the version-1 built-in still resumes on it', async () => {
    expect(NEW_EXERCISE_PROTOCOL_FORMAT).toBe(2);
    expect(builtinProtocolForNewExercise()).toEqual({ format: 2, protocol: BUILTIN_PROTOCOL_V2 });
    const scenario = buildScenario(handEvents());
    expect(prepareExercise(scenario, 'test').protocol).toBe(BUILTIN_PROTOCOL_V2);
    // An exercise stored before the switch carries the version-1 document in its log.
    const log = new MemoryAuditLog('v1', { now: () => new Date('2026-11-26T10:00:00.000Z') });
    const operator = { name: 'op', role: 'operator' as const };
    const old = await createExercise(prepareExercise(scenario, 'test', V1_PROTOCOL), log, operator);
    await old.advanceTo(T0 + 75 * MIN);
    const resumed = await resumeExercise(scenario, log.entries(), { writer: log, actor: operator });
    expect(resumed.protocolFormat).toBe(1);
    expect(resumed.setup.protocol.hash).toBe(BUILTIN_PROTOCOL.hash);
    expect(resumed.getSnapshot().alerts.some((a) => a.protocol !== null)).toBe(true);
  });
});
