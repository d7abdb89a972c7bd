import { dirname, join } from 'node:path';
import { stat } from 'node:fs/promises';
import { EXIT, UsageError, err, out, parseCommandArgs, type Command } from '../command';
import { checkScenarioAtPath, type PathCheckOutcome } from '../../scenario/load-path';
import { formatDiagnostic } from '../../../scenario/diagnostics';
import { EventCounts } from '../../../scenario/event-tally';
import type { Diagnostic, ReplayEvent } from '../../../scenario/loaded-scenario';

const usage = `usage: truceline validate [--json] <path>…

Loads scenario folders, *.scenario.json files or single feed files (a feed on
its own is checked for form only: no time window, parties or sensors). Prints
a summary of each (events per source and type, time span, zones, content
hash) or its errors as <file>:<line>: <field>: <message> (feeds) and
<file>:<json-pointer>: <message> (JSON documents), up to 100 per scenario.

options:
  --json   print one JSON object per path, as a JSON array, on stdout

exit codes: 0 all valid, 1 any invalid, 2 usage error`;

interface Summary {
  path: string;
  kind: 'scenario' | 'feed';
  valid: boolean;
  id?: string;
  title?: string;
  classification?: string;
  hash?: string;
  events?: number;
  first?: string | null;
  last?: string | null;
  window?: { start: string; end: string };
  by_source?: Record<string, number>;
  by_type?: Record<string, number>;
  zones?: Record<string, number>;
  sensors?: number;
  errors: string[];
  warnings: string[];
}

interface Tallies {
  bySource: Record<string, number>;
  byType: Record<string, number>;
  first: string | null;
  last: string | null;
}

const sortedCounts = (counts: Map<string, number>) =>
  Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));

/** Summary counts of the events of a check or, for a lone feed, of a load. */
function talliesOf(counts: EventCounts): Tallies {
  const time = (ms: number) => (Number.isNaN(ms) ? null : new Date(ms).toISOString());
  return {
    bySource: sortedCounts(counts.bySource),
    byType: sortedCounts(counts.byType),
    first: time(counts.firstAt),
    last: time(counts.lastAt),
  };
}

function countsOf(events: readonly ReplayEvent[]): EventCounts {
  const counts = new EventCounts();
  for (const r of events) counts.add(r.event.source, r.event.type, r.at);
  return counts;
}

async function summarise(path: string, outcome: PathCheckOutcome): Promise<Summary> {
  const base = (await stat(path)
    .then((s) => s.isDirectory())
    .catch(() => false))
    ? path
    : dirname(path);
  const show = (d: Diagnostic) =>
    formatDiagnostic({ ...d, file: d.file === path ? d.file : join(base, d.file) });
  const summary: Summary = {
    path,
    kind: outcome.kind,
    valid: outcome.ok,
    errors: outcome.ok ? [] : outcome.errors.map(show),
    warnings: outcome.warnings.map(show),
  };
  if (!outcome.ok) return summary;
  const counts = outcome.kind === 'scenario' ? outcome.scenario.tally : countsOf(outcome.events);
  const t = talliesOf(counts);
  Object.assign(summary, { events: counts.count, first: t.first, last: t.last });
  summary.by_source = t.bySource;
  summary.by_type = t.byType;
  if (outcome.kind === 'scenario') {
    const s = outcome.scenario;
    summary.id = s.id;
    summary.title = s.title;
    summary.classification = s.classification;
    summary.hash = s.hash;
    summary.window = { start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString() };
    const zones: Record<string, number> = {};
    for (const z of s.zones) zones[z.kind] = (zones[z.kind] ?? 0) + 1;
    summary.zones = zones;
    summary.sensors = s.sensors.length;
  }
  return summary;
}

const list = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

function printText(s: Summary): void {
  for (const w of s.warnings) err(`warning: ${w}`);
  if (!s.valid) {
    for (const e of s.errors) err(e);
    out(
      `${s.path}: INVALID (${s.errors.length} error${s.errors.length === 1 ? '' : 's'}${s.errors.length >= 100 ? ', stopped at 100' : ''})`,
    );
    return;
  }
  if (s.kind === 'scenario') {
    out(`${s.path}: valid scenario "${s.id}" — ${s.title} [${s.classification}]`);
    out(`  window:    ${s.window!.start} → ${s.window!.end}`);
  } else {
    out(`${s.path}: valid feed (checked on its own: form only)`);
  }
  out(`  events:    ${s.events} (${s.first ?? '-'} → ${s.last ?? '-'})`);
  out(`  by source: ${list(s.by_source!)}`);
  out(`  by type:   ${list(s.by_type!)}`);
  if (s.kind === 'scenario') {
    const total = Object.values(s.zones!).reduce((a, b) => a + b, 0);
    out(`  zones:     ${total} (${list(s.zones!)})`);
    out(`  sensors:   ${s.sensors}`);
    out(`  hash:      ${s.hash}`);
  }
}

export const command: Command = {
  name: 'validate',
  summary: 'check scenario folders, *.scenario.json or feed files',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' } });
    if (positionals.length === 0) throw new UsageError('name at least one scenario folder or file');
    const summaries: Summary[] = [];
    for (const path of positionals) {
      const summary = await summarise(path, await checkScenarioAtPath(path));
      summaries.push(summary);
      if (!values.json) printText(summary);
    }
    if (values.json) out(JSON.stringify(summaries, null, 2));
    return summaries.every((s) => s.valid) ? EXIT.ok : EXIT.invalid;
  },
};
