// Rebuilds an exercise from an exported log with the shared engine, outside
// the browser, and prints each alert as the engine holds it: the sector it is
// held to, its events, and whether a deadline of it breached (a
// `deadline-breach` entry names it). An e2e spec compares the console's
// filtered queue with this, so the expectation never goes through the
// queue's own code. Run through run-ts (the engine imports JSON documents,
// which Playwright's loader cannot): node shared/node/run-ts.mjs
// tests/e2e/support/replay-alerts.ts <log.json> <scenario folder>
import { readFileSync } from 'node:fs';
import type { ExportBundle } from '../../../shared/audit';
import { resumeExercise } from '../../../shared/exercise/exercise-session';
import { loadScenarioFromPath } from '../../../shared/node/scenario/load-path';

export interface ReplayedAlert {
  id: string;
  sector: string | null;
  eventIds: string[];
  breached: boolean;
  /** Every report of it is a controller inject (a message, not a queue row). */
  messageOnly: boolean;
  /** When it entered the protocol (its run's first step, or version 1's), or null. */
  protocolAt: number | null;
  /** Its run or protocol closed. */
  closed: boolean;
}

async function main(logPath: string, scenarioPath: string): Promise<void> {
  const loaded = await loadScenarioFromPath(scenarioPath);
  if (loaded.kind !== 'scenario' || !loaded.ok)
    throw new Error(`${scenarioPath}: not a valid scenario`);
  const bundle = JSON.parse(readFileSync(logPath, 'utf8')) as ExportBundle;
  const engine = await resumeExercise(loaded.scenario, bundle.entries);
  const breached = new Set(
    bundle.entries
      .filter((e) => e.kind === 'deadline-breach' && typeof e.alert_id === 'string')
      .map((e) => e.alert_id!),
  );
  const alerts: ReplayedAlert[] = engine.getSnapshot().alerts.map((a) => ({
    id: a.id,
    sector: a.view.sector,
    eventIds: [...a.eventIds],
    breached: breached.has(a.id),
    messageOnly: a.view.sources.length > 0 && a.view.sources.every((s) => s === 'inject'),
    protocolAt:
      a.run?.tracks[0]?.history[0]?.enteredAt ?? a.protocol?.history[0]?.enteredAt ?? null,
    closed: a.run?.closed ?? a.protocol?.closed ?? false,
  }));
  process.stdout.write(JSON.stringify(alerts));
}

const [logPath, scenarioPath] = process.argv.slice(2);
if (!logPath || !scenarioPath) {
  process.stderr.write('usage: replay-alerts.ts <log.json> <scenario folder>\n');
  process.exit(2);
}
main(logPath, scenarioPath).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
