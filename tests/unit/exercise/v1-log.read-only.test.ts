// Nothing stored is lost (docs/ALERTS-AND-SEVERITY.md, "Model as data"): a log
// exported by the version-1 scoring code (tests/fixtures/logs/v1-small.json,
// made with `truceline exercise` before version 2 existed) still verifies,
// opens read-only — replayed through the frozen version-1 scorer, each of its
// entries regenerated and checked — and its report is the report version 1
// gave (tests/fixtures/logs/v1-small.report.json, from that same code), with
// only the report's new fields added.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../shared/audit/entry';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { verifyLogBundle } from '../../../shared/audit/verify';
import {
  ReadOnlyExerciseError,
  readOnlyReason,
  resumeExercise,
} from '../../../shared/exercise/exercise-session';
import { READ_ONLY_V1 } from '../../../shared/exercise/exercise-setup';
import { loadScenarioFromPath } from '../../../shared/node/scenario/load-path';
import { buildAfterActionReport } from '../../../shared/report/after-action-report';

const LOG = 'tests/fixtures/logs/v1-small.json';
const bundle = JSON.parse(readFileSync(LOG, 'utf8')) as {
  entries: LogEntry[];
  signature: { key_id: string };
};

async function smallScenario() {
  const loaded = await loadScenarioFromPath('tests/fixtures/scenarios/small');
  if (!loaded.ok || loaded.kind !== 'scenario') throw new Error('the small fixture did not load');
  return loaded.scenario;
}

describe('a log exported by the version-1 code', () => {
  it('records a version-1 scoring model, and verifies as before', async () => {
    const created = bundle.entries[0]!.data as { scoring: { document: { version: number } } };
    expect(created.scoring.document.version).toBe(1);
    const result = await verifyLogBundle(readFileSync(LOG, 'utf8'));
    expect(result.status).toBe('OK');
    const cli = spawnSync(
      process.execPath,
      ['shared/node/run-ts.mjs', 'shared/node/cli/main.ts', 'verify', LOG],
      { encoding: 'utf8' },
    );
    expect(cli.stdout.split('\n')[0]).toMatch(/^OK 19 entries, head 6aa1e3f4/);
  });

  it('opens read-only: every logged entry replays through the version-1 scorer, nothing re-scored', async () => {
    const scenario = await smallScenario();
    expect(readOnlyReason(bundle.entries)).toBe(READ_ONLY_V1);
    const engine = await resumeExercise(scenario, bundle.entries);
    expect(engine.readOnly).toBe(READ_ONLY_V1);
    // The alerts show the scores their log recorded when they opened.
    const opened = bundle.entries.filter((e) => e.kind === 'alert-opened');
    expect(opened.length).toBeGreaterThan(0);
    for (const entry of opened) {
      const alert = engine.getSnapshot().alerts.find((a) => a.id === entry.alert_id)!;
      const data = entry.data as { score: number; severity: string };
      if (alert.eventIds.length === 1) {
        expect([alert.gravity, alert.severity]).toEqual([data.score, data.severity]);
      }
    }
    // It takes no new entries: a resume with a writer is refused, saying why.
    const log = new MemoryAuditLog('x');
    await log.append(
      bundle.entries.map(
        ({ seq: _s, exercise_id: _e, prev_hash: _p, hash: _h, wall_time: _w, ...draft }) => draft,
      ),
    );
    await expect(resumeExercise(scenario, bundle.entries, { writer: log })).rejects.toThrow(
      ReadOnlyExerciseError,
    );
    await expect(resumeExercise(scenario, bundle.entries, { writer: log })).rejects.toThrow(
      /version 1 of the severity model .* opens read-only/,
    );
  });

  it('reports what version 1 reported', async () => {
    const scenario = await smallScenario();
    const report = await buildAfterActionReport({
      scenario,
      entries: bundle.entries,
      keyId: bundle.signature.key_id,
    });
    const before = JSON.parse(readFileSync('tests/fixtures/logs/v1-small.report.json', 'utf8'));
    const now = JSON.parse(JSON.stringify(report)) as typeof before;
    // Fields the report gained with version 2, and nothing else, differ.
    delete now.counts.incidents;
    // Added later: violations still open in a running exercise; this log has ended.
    expect(now.exercise.ended).not.toBeNull();
    expect(now.outcomes.violations_open).toBe(0);
    delete now.outcomes.violations_open;
    // Added later: who took part, every actor but the system, in order of first entry.
    const actors = [
      ...new Set(
        bundle.entries.filter((e) => e.role !== 'system').map((e) => `${e.actor}|${e.role}`),
      ),
    ];
    expect(
      now.exercise.participants.map((p: { name: string; role: string }) => `${p.name}|${p.role}`),
    ).toEqual(actors);
    expect(actors.length).toBeGreaterThan(0);
    delete now.exercise.participants;
    // Added later: the scripted injects with their links; this log links none and its
    // MSEL asks for no link, so strengths and improvements are as version 1 gave them.
    expect(now.messages.map((m: { verdict: string }) => m.verdict)).toEqual([
      'no-link-asked',
      'no-link-asked',
    ]);
    delete now.messages;
    // Added with "record for the daily report", which only version 2 offers.
    expect(now.outcomes.violations_recorded).toBe(0);
    expect(now.outcomes.false_alarms_recorded).toBe(0);
    delete now.outcomes.violations_recorded;
    delete now.outcomes.false_alarms_recorded;
    for (const o of now.outcomes.alerts) {
      expect(o.incident).toBeNull();
      expect(o.alert_ids).toEqual([o.alert_id]);
      delete o.incident;
      delete o.alert_ids;
    }
    expect(now).toEqual(before);
  });
});
