// `truceline rank <scenario> --at <ISO time> [--top N] [--json]` (docs/CLI.md).
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { formatScoringProblem, scoringModelForScenario } from '../../../alerts/scoring-model';
import type { AlertView } from '../../../alerts/alert-view';
import { rankAlertsAt, rankRows } from '../../../replay/rank-at';
import { formatDiagnostic } from '../../../scenario/diagnostics';
import { isoDateTime } from '../../../scenario/schema';
import { loadScenarioFromPath } from '../../scenario/load-path';
import { EXIT, UsageError, err, out, parseCommandArgs, type Command } from '../command';

const usage = `usage: truceline rank <scenario> --at <ISO time> [--top N] [--json]

Replays the scenario (folder or *.scenario.json) to exercise time --at, with
no protocol running, and prints the ranked alerts: active, then cleared, then
quiet; within each, gravity descending, certainty descending, first event
time ascending, alert id ascending. Each alert shows its gravity (0-100, band
critical/high/medium/low/info) and certainty (0-1, band confirmed/probable/
possible/unconfirmed, or cleared), each with the reason for every factor.
Uses the scenario's scoring model if it has one, else the built-in model.

options:
  --at T     exercise time, ISO 8601 with Z or an offset (required)
  --top N    print only the first N alerts
  --json     print a JSON array of { rank, id, state, gravity, severity,
             certainty, certainty_band, factors: [{ factor, label,
             contribution }], certainty_factors: [same, in points of 0-100],
             event_ids, score (= gravity, for version-1 readers), zones,
             first_seen, last_seen, title, links, continues }

exit codes: 0 success, 1 invalid scenario or scoring model, 2 usage error`;

/** Where the scenario's scoring document lives, for error messages. */
async function scoringLocation(path: string): Promise<{ file: string; base: string[] }> {
  const manifest = (await stat(path)).isDirectory() ? join(path, 'scenario.json') : path;
  try {
    const parsed = JSON.parse(await readFile(manifest, 'utf8')) as { scoring?: unknown };
    if (typeof parsed.scoring === 'string') return { file: parsed.scoring, base: [] };
  } catch {
    // The loader already accepted the package; fall back to the manifest name.
  }
  return { file: basename(manifest), base: ['scoring'] };
}

function textTable(alerts: readonly AlertView[], total: number, header: string): string {
  const lines = [
    header,
    `${total} alert${total === 1 ? '' : 's'}${alerts.length < total ? `, first ${alerts.length} shown` : ''}`,
  ];
  alerts.forEach((a, i) => {
    const state = a.state === 'active' ? '' : ` (${a.state})`;
    lines.push('');
    lines.push(
      `${String(i + 1).padStart(3)}. ${a.severity.toUpperCase().padEnd(8)} ${a.gravity.toFixed(1).padStart(5)}  certainty ${a.certainty.toFixed(2)} ${a.certaintyBand.toUpperCase()}  ${a.id}${state}`,
    );
    lines.push(`     ${a.title}`);
    lines.push(
      `     zones: ${a.zones.length > 0 ? a.zones.join(', ') : '—'}   events: ${a.eventIds.length}   first seen ${a.firstSeen}   last seen ${a.lastSeen}`,
    );
    if (a.continues) lines.push(`     continues closed alert ${a.continues}`);
    lines.push('     gravity:');
    for (const f of a.factors) lines.push(`       ${f.reason}`);
    lines.push('     certainty (points of 100):');
    for (const f of a.certaintyFactors) lines.push(`       ${f.reason}`);
    if (a.incompatibleReports > 0) {
      lines.push(
        `       ${a.incompatibleReports} report${a.incompatibleReports === 1 ? '' : 's'} not compatible with what the alert reports: not counted`,
      );
    }
  });
  return lines.join('\n');
}

export const command: Command = {
  name: 'rank',
  summary: 'ranked alerts at an exercise time',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      at: { type: 'string' },
      top: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    if (positionals.length !== 1) throw new UsageError('name exactly one scenario');
    if (values.at === undefined) throw new UsageError('--at <ISO time> is required');
    if (!isoDateTime.safeParse(values.at).success) {
      throw new UsageError(`--at "${values.at}" is not an ISO 8601 time with Z or an offset`);
    }
    const at = Date.parse(values.at);
    let top = Infinity;
    if (values.top !== undefined) {
      if (!/^[1-9]\d*$/.test(values.top))
        throw new UsageError(`--top "${values.top}" is not a positive integer`);
      top = Number(values.top);
    }
    const path = positionals[0]!;
    const loaded = await loadScenarioFromPath(path);
    for (const w of loaded.warnings) err(`warning: ${formatDiagnostic(w)}`);
    if (!loaded.ok) {
      for (const e of loaded.errors) err(formatDiagnostic(e));
      return EXIT.invalid;
    }
    if (loaded.kind !== 'scenario') {
      err(
        `${path}: a feed file alone has no zones or time window: name a scenario folder or *.scenario.json`,
      );
      return EXIT.invalid;
    }
    const scenario = loaded.scenario;
    const where = scenario.scoring === null ? { file: '', base: [] } : await scoringLocation(path);
    const model = scoringModelForScenario(scenario.scoring, where.file, where.base);
    if (!model.ok) {
      for (const p of model.problems) err(formatScoringProblem(p));
      return EXIT.invalid;
    }
    const ranked = rankAlertsAt(scenario, at, model.model);
    const shown = ranked.slice(0, top);
    if (values.json) {
      out(JSON.stringify(rankRows(shown), null, 2));
    } else {
      const header = `${scenario.classification} — ${scenario.title} (${scenario.id}) at ${new Date(at).toISOString()}, scoring model ${model.model.id} ${model.hash.slice(0, 12)}`;
      out(textTable(shown, ranked.length, header));
    }
    return EXIT.ok;
  },
};
