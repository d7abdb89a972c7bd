// The exercise engine on version-2 alerts: the entry rule with today's
// (version-1) protocol — entry by gravity band, `verify` instead of `notify`
// below probable certainty, band changes prompting a jump — and incidents that
// operators link and unlink (one protocol run per incident), all logged and
// reproduced exactly on resume.
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../shared/audit/entry';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise, resumeExercise } from '../../../shared/exercise/exercise-session';
import {
  alertOpenedData,
  incidentBandsChangedData,
  linkData,
  protocolActionData,
  severityChangedData,
  unlinkData,
} from '../../../shared/exercise/log-data';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import { MIN, T0, at, buildScenario, V1_PROTOCOL } from './hand-scenario';

const WALL = () => new Date('2026-11-26T10:00:00.000Z');
const operator = { name: 'operator-1', role: 'operator' as const };
const controller = { name: 'control', role: 'controller' as const };

async function start(events: ScenarioEvent[]) {
  const scenario = buildScenario(events);
  const log = new MemoryAuditLog('ex', { now: WALL });
  const engine = await createExercise(
    prepareExercise(scenario, 'test', V1_PROTOCOL),
    log,
    operator,
  );
  return { scenario, engine, log };
}

const of = (entries: readonly LogEntry[], kind: string) => entries.filter((e) => e.kind === kind);

/** 152 mm artillery firing from inside Exclusion Zone 1 (prohibited there): critical. */
const gun = (id: string, minute: number, more: Partial<ScenarioEvent> = {}): ScenarioEvent =>
  ({
    id,
    time: at(minute),
    source: 'open-source',
    type: 'artillery-fire',
    subtype: 'outgoing',
    weapon_class: 'artillery',
    calibre_mm: 152,
    lat: -44.5,
    lon: -120.55,
    confidence: 0.5,
    ...more,
  }) as ScenarioEvent;

describe('entry by gravity band, verify below probable certainty', () => {
  it('enters a critical but unconfirmed alert at verify, and prompts the jump to notify once it is probable', async () => {
    const { engine, log } = await start([
      gun('g-1', 10),
      gun('g-2', 20, { source: 'drone', confidence: 0.9 }),
    ]);
    await engine.advanceTo(T0 + 15 * MIN);
    const opened = of(log.entries(), 'alert-opened')[0]!;
    expect(opened.data).toMatchObject({ severity: 'critical', certainty_band: 'unconfirmed' });
    expect(alertOpenedData.safeParse(opened.data).success).toBe(true);
    const enter = of(log.entries(), 'protocol-action')[0]!;
    expect(enter.data).toEqual({
      type: 'enter',
      severity: 'critical',
      certainty_band: 'unconfirmed',
      to: 'verify',
    });
    await engine.advanceTo(T0 + 25 * MIN);
    const changed = of(log.entries(), 'alert-severity-changed')[0]!;
    expect(changed.data).toMatchObject({
      event_id: 'g-2',
      from: 'critical',
      to: 'critical',
      certainty_from: 'unconfirmed',
      certainty_to: 'confirmed',
      prompt: 'notify',
    });
    expect(severityChangedData.safeParse(changed.data).success).toBe(true);
    const alert = engine.getSnapshot().alerts[0]!;
    expect(alert.protocol!.stepId).toBe('verify');
    expect(alert.protocol!.severityPrompt).toMatchObject({ target: 'notify' });
    await engine.jumpToEntry('A-g-1');
    expect(engine.getSnapshot().alerts[0]!.protocol!.stepId).toBe('notify');
  });

  it('enters one hospital-confirmed patrol report of eight children killed at notify', async () => {
    const { engine, log } = await start([
      {
        id: 'school',
        time: at(5),
        source: 'observer',
        type: 'casualty-report',
        lat: -44.2,
        lon: -120.1,
        confidence: 0.9,
        killed: 8,
        civilian_killed: 8,
        target: 'civilian',
      } as ScenarioEvent,
    ]);
    await engine.advanceTo(T0 + 6 * MIN);
    expect(of(log.entries(), 'protocol-action')[0]!.data).toEqual({
      type: 'enter',
      severity: 'critical',
      certainty_band: 'confirmed',
      to: 'notify',
    });
    expect(engine.getSnapshot().alerts[0]!.protocol!.stepId).toBe('notify');
  });
});

describe('incidents: one protocol run per incident', () => {
  // A gun inside the exclusion zone and, 30 km away, its impacts in the open.
  const events = (): ScenarioEvent[] => [
    gun('gun', 10, { source: 'ground-sensor', confidence: 0.8 }),
    {
      id: 'impact',
      time: at(12),
      source: 'observer',
      type: 'explosion',
      subtype: 'impact',
      lat: -44.75,
      lon: -120.3,
      confidence: 0.85,
      count: 6,
      killed: 2,
      target: 'civilian',
    } as ScenarioEvent,
    {
      id: 'crater',
      time: at(40),
      source: 'drone',
      type: 'crater-field',
      lat: -44.8,
      lon: -120.05,
      confidence: 0.2,
    } as ScenarioEvent,
  ];

  it('links alerts (logged as `link`), acts on the primary run from any alert, and closes them together', async () => {
    const { scenario, engine, log } = await start(events());
    await engine.advanceTo(T0 + 15 * MIN);
    const [gunAlert, impactAlert] = ['A-gun', 'A-impact'].map((id) => engine.protocolOf(id));
    expect(gunAlert!.visits[0]!.step).toBe('notify');
    expect(impactAlert!.visits[0]!.step).toBe('triage');
    await engine.link('A-gun', 'A-impact');
    const link = of(log.entries(), 'link')[0]!;
    expect(link).toMatchObject({
      actor: 'operator-1',
      alert_id: 'A-gun',
      data: { alert_ids: ['A-gun', 'A-impact'], incident: 'I-A-gun', superseded: 'A-impact' },
    });
    expect(linkData.safeParse(link.data).success).toBe(true);
    // The impact alert now follows the gun's run; its own run ended.
    expect(engine.protocolOf('A-impact')).toBe(engine.protocolOf('A-gun'));
    expect(engine.supersededRuns().get('A-impact')).toBe(impactAlert);
    const snapshot = engine.getSnapshot().alerts.find((a) => a.id === 'A-impact')!;
    expect(snapshot.incident).toMatchObject({
      id: 'I-A-gun',
      primary: false,
      alertIds: ['A-gun', 'A-impact'],
    });
    expect(snapshot.protocol!.stepId).toBe('notify');
    // An acknowledgement recorded through the member goes to the incident's run.
    await engine.ackParty('A-impact', 'A', 'hotline');
    expect(of(log.entries(), 'party-ack')[0]).toMatchObject({
      alert_id: 'A-gun',
      step_id: 'notify',
    });
    // Only one run has timers: one warning for notify, not two.
    await engine.advanceTo(T0 + 36 * MIN);
    expect(of(log.entries(), 'deadline-warning').map((e) => e.alert_id)).toEqual(['A-gun']);
    // A resumed exercise rebuilds the same incident and run.
    const resumed = await resumeExercise(scenario, log.entries());
    await resumed.advanceTo(engine.now);
    expect(resumed.getSnapshot()).toEqual(engine.getSnapshot());
    // Seeking backwards would rewrite the link.
    await expect(engine.seek(T0 + 5 * MIN, controller)).rejects.toThrow();
  });

  it('closing the incident run closes every alert in it', async () => {
    const { engine } = await start(events());
    await engine.advanceTo(T0 + 15 * MIN);
    await engine.link('A-gun', 'A-impact');
    await engine.ackParty('A-gun', 'A', 'hotline');
    await engine.ackParty('A-gun', 'B', 'hotline');
    await engine.act('A-impact', 'all-acknowledged', {});
    await engine.act('A-gun', 'satisfactory-reply', {});
    await engine.act('A-gun', 'verified', { summary: 'Withdrawn, verified by overflight.' });
    const alerts = engine.getSnapshot().alerts;
    for (const id of ['A-gun', 'A-impact'])
      expect(alerts.find((a) => a.id === id)!.closed).toBe(true);
  });

  it('refuses links it cannot make, saying why, and logs nothing', async () => {
    const { engine, log } = await start(events());
    await engine.advanceTo(T0 + 45 * MIN);
    const before = log.entries().length;
    await expect(engine.link('A-gun', 'A-gun')).rejects.toThrow('cannot be linked to itself');
    await expect(engine.link('A-crater', 'A-gun')).rejects.toThrow(
      'alert A-gun is in the protocol and A-crater is not: link them naming A-gun first',
    );
    await expect(engine.link('A-gun', 'A-nope')).rejects.toThrow('no alert "A-nope"');
    await expect(engine.unlink('A-crater')).rejects.toThrow(
      'A-crater is not linked to an incident',
    );
    expect(log.entries().length).toBe(before);
    await engine.link('A-gun', 'A-crater');
    await expect(engine.link('A-crater', 'A-gun')).rejects.toThrow('already one incident');
  });

  it('unlinks an alert (logged as `unlink`): it leaves the run, and enters its own if its bands call for it', async () => {
    const { engine, log } = await start(events());
    await engine.advanceTo(T0 + 45 * MIN);
    await engine.link('A-gun', 'A-crater');
    await engine.link('A-gun', 'A-impact');
    await expect(engine.unlink('A-gun')).rejects.toThrow(/primary of incident I-A-gun/);
    await engine.unlink('A-impact');
    const [unlink, enter] = log.entries().slice(-2);
    expect(unlink).toMatchObject({
      kind: 'unlink',
      alert_id: 'A-impact',
      data: { incident: 'I-A-gun' },
    });
    expect(unlinkData.safeParse(unlink!.data).success).toBe(true);
    expect(enter).toMatchObject({ kind: 'protocol-action', role: 'system', alert_id: 'A-impact' });
    expect(protocolActionData.safeParse(enter!.data).success).toBe(true);
    expect(engine.protocolOf('A-impact')).not.toBe(engine.protocolOf('A-gun'));
    // The crater (info) leaving the last pair ends the incident; it enters no run.
    await engine.unlink('A-crater');
    expect(engine.incidentOf('A-gun')).toBeNull();
    expect(engine.protocolOf('A-crater')).toBeUndefined();
  });

  it('logs an incident whose bands change as `incident-bands-changed` on its primary', async () => {
    const crater = (id: string, minute: number, lon: number, source: string, confidence: number) =>
      ({
        id,
        time: at(minute),
        source,
        type: 'crater-field',
        lat: -44.8,
        lon,
        confidence,
      }) as ScenarioEvent;
    const { engine, log } = await start([
      crater('c-1', 40, 37.95, 'drone', 0.2),
      crater('c-far', 41, 37.55, 'ground-sensor', 0.2),
      crater('c-2', 50, 37.951, 'satellite', 0.9),
    ]);
    await engine.advanceTo(T0 + 45 * MIN);
    await engine.link('A-c-1', 'A-c-far');
    expect(engine.incidentOf('A-c-1')!.measures.certaintyBand).toBe('possible');
    await engine.advanceTo(T0 + 55 * MIN);
    const changed = of(log.entries(), 'incident-bands-changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({
      role: 'system',
      alert_id: 'A-c-1',
      data: {
        incident: 'I-A-c-1',
        event_id: 'c-2',
        certainty_from: 'possible',
        certainty_to: 'confirmed',
      },
    });
    expect(incidentBandsChangedData.safeParse(changed[0]!.data).success).toBe(true);
  });
});
