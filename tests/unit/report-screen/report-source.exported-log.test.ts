// The Report screen reads an exported log as `truceline report` does (same
// strict reading and verification): every log verify finds intact gets a
// report; anything else is refused in one line.
import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryAuditLog, buildExportBundle, type ExportBundle } from '../../../shared/audit';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise } from '../../../shared/exercise/exercise-session';
import type { LoadedScenario } from '../../../shared/scenario/loaded-scenario';
import { reportForExportedLog } from '../../../renderer/src/report/report-source';
import { MIN, T0, buildScenario, handEvents } from '../exercise/hand-scenario';

let scenario: LoadedScenario;
let unsigned: ExportBundle;
const find = (hash: string) => (hash === scenario.hash ? scenario : null);
const utf8 = (text: string) => new TextEncoder().encode(text);

beforeAll(async () => {
  scenario = buildScenario(handEvents());
  const setup = prepareExercise(scenario, 'test');
  const log = new MemoryAuditLog('ex-report-screen');
  const engine = await createExercise(setup, log, { name: 'Ana', role: 'operator' });
  await engine.advanceTo(T0 + 61 * MIN);
  await engine.acknowledge('A-mlrs-1');
  const entries = log.entries();
  unsigned = await buildExportBundle({
    exercise: {
      id: 'ex-report-screen',
      title: scenario.title,
      classification: scenario.classification,
      scenario_id: scenario.id,
      scenario_hash: scenario.hash,
      scoring_hash: setup.scoring.hash,
      protocol_hash: setup.protocol.hash,
      created: entries[0]!.wall_time,
      app_version: 'test',
    },
    entries,
  });
});

describe('Report screen: an exported log', () => {
  it('reports on an unsigned log whose signature is null, and on one with extra and "__proto__" members', async () => {
    const withNull = JSON.stringify({ ...unsigned, signature: null });
    const review = await reportForExportedLog(utf8(withNull), find);
    expect(review.report.key_id).toBeNull();
    // Beside the report, every alert's two measures at the end of the log.
    for (const outcome of review.report.outcomes.alerts) {
      const m = review.measures.get(outcome.alert_id)!;
      expect(m.gravity).toBeGreaterThanOrEqual(0);
      expect(m.certainty_band).not.toBeNull();
    }
    const extra = `{"__proto__":{"polluted":true},"note":"x",${JSON.stringify(unsigned).slice(1)}`;
    const { report } = await reportForExportedLog(utf8(extra), find);
    expect(report.format).toBe('truceline-aar');
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('refuses a duplicate "entries", naming it, where a lenient reader made a report of the last one', async () => {
    const text = JSON.stringify(unsigned).replace(
      '"entries":',
      `"entries":${JSON.stringify(unsigned.entries.slice(0, 1))},"entries":`,
    );
    await expect(reportForExportedLog(utf8(text), find)).rejects.toThrow(
      /^the log does not verify \(INVALID: not I-JSON \(RFC 7493\): line 1, column \d+ at \/entries: duplicate member name "entries".*\); no report is made from it$/,
    );
  });

  it('refuses bytes that are not UTF-8, naming the byte', async () => {
    const bytes = utf8(JSON.stringify({ ...unsigned, comment: 'cafe!' }));
    const at = Buffer.from(bytes).lastIndexOf('cafe!') + 3;
    bytes[at] = 0xe9; // a Latin-1 é where UTF-8 was due
    await expect(reportForExportedLog(bytes, find)).rejects.toThrow(
      new RegExp(`^the log does not verify \\(INVALID: not UTF-8 text: byte ${at} `),
    );
  });
});
