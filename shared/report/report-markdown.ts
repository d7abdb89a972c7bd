// The after-action report as Markdown, marked EXERCISE, with the signing key id.
import { SEVERITIES } from '../alerts/bands';
import { outcomeName, type AfterActionReport } from './after-action-report';
import type { DurationStats } from './summary-stats';

// Free text from the log is shown as text: no markup, no table breaks.
function text(value: string): string {
  return value.replace(/[\\`*_[\]<|#]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

const minutes = (m: number | null) => (m === null ? '—' : m.toFixed(1));

function statsCells(s: DurationStats): string {
  return `${s.count} | ${minutes(s.median_min)} | ${minutes(s.mean_min)} | ${minutes(s.max_min)}`;
}

/** Renders the report as Markdown (the CLI's default output). */
export function reportToMarkdown(
  report: AfterActionReport,
  options: { maxTimeline?: number } = {},
): string {
  const maxTimeline = options.maxTimeline ?? 200;
  const e = report.exercise;
  const lines: string[] = [];
  const banner = `**${text(report.classification)}** — exercise material, not real-world reporting`;
  lines.push(banner, '', `# After-action report: ${text(e.title)}`, '');
  lines.push(
    `- Exercise: \`${e.id}\` — scenario \`${e.scenario_id}\` (hash \`${e.scenario_hash}\`)`,
    `- Exercise time: ${e.started} to ${e.ended ?? 'not ended'}`,
    `- Participants: ${e.participants.map((p) => `${p.name} (${p.role})`).join(', ') || 'none recorded'}`,
    `- Log: ${e.entries} entries, head \`${e.head_hash}\``,
    `- Signed by key: ${report.key_id === null ? '**UNSIGNED**' : `\`${report.key_id}\``}`,
    `- Protocol \`${e.protocol_hash.slice(0, 16)}\`, scoring model \`${e.scoring_hash.slice(0, 16)}\`, ${text(e.app_version)}`,
    `- Alerts: ${report.counts.alerts} (${report.counts.alerts_in_protocol} in the protocol, ${report.counts.alerts_closed} closed); scripted incidents judged: ${report.counts.incidents}; deadline breaches: ${report.counts.deadline_breaches}; injects added during play: ${report.counts.injects}`,
    '',
  );

  lines.push('## Strengths', '');
  if (report.strengths.length === 0)
    lines.push('- None recorded against the thresholds of this report.');
  for (const s of report.strengths) lines.push(`- ${text(s)}`);
  lines.push('', '## Areas for improvement', '');
  if (report.improvements.length === 0)
    lines.push('- None recorded against the thresholds of this report.');
  for (const i of report.improvements) {
    lines.push(`- ${text(i.observation)}`, `  - Corrective action: ${text(i.corrective_action)}`);
  }

  lines.push('', '## Response times (exercise minutes, by highest severity reached)', '');
  lines.push('| severity | measure | n | median | mean | max |', '|---|---|---:|---:|---:|---:|');
  for (const group of [...SEVERITIES, 'all'] as const) {
    const r = report.response_times[group];
    for (const [measure, stats] of [
      ['to acknowledge', r.acknowledge],
      ['to notify (all parties acknowledged)', r.notify],
      ['to consult', r.consult],
    ] as const) {
      if (stats.count === 0 && group !== 'all') continue;
      lines.push(`| ${group} | ${measure} | ${statsCells(stats)} |`);
    }
  }

  lines.push('', '## Protocol steps', '');
  lines.push(
    '| step | deadline | visits | met | breached | open at end | median time in step (min) | max (min) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const s of report.steps) {
    lines.push(
      `| ${s.step} | ${s.deadline_min === null ? '—' : `${s.deadline_min} min`} | ${s.visits} | ${s.deadlines_met} | ${s.deadlines_breached} | ${s.deadlines_open} | ${minutes(s.time_in_step.median_min)} | ${minutes(s.time_in_step.max_min)} |`,
    );
  }

  const o = report.outcomes;
  lines.push('', '## Decisions against ground truth', '');
  lines.push(
    `- False alarms closed correctly: ${o.false_alarms_closed_correctly}`,
    `- False alarms escalated to the parties: ${o.false_alarms_escalated}`,
    `- Real violations escalated: ${o.violations_escalated}`,
    `- Real violations recorded for the daily report (parties not called): ${o.violations_recorded}`,
    `- False alarms recorded as violations: ${o.false_alarms_recorded}`,
    `- Real violations missed: ${o.violations_missed}`,
    ...(report.exercise.ended === null
      ? [`- Real violations still open (the exercise is running): ${o.violations_open}`]
      : []),
    '',
    'Ground truth is judged per scripted incident (however many alerts its reports fell into), and per alert where the scenario names no incident.',
    '',
    '| incident or alert | severity | truth | handling | final step | verdict |',
    '|---|---|---|---|---|---|',
  );
  // Alerts whose events carry no ground truth cannot be judged: counted, not listed.
  const judged = o.alerts.filter((a) => a.truth !== 'unknown');
  for (const a of judged) {
    lines.push(
      `| ${text(outcomeName(a))} — ${text(a.title)} | ${a.severity} | ${a.truth} | ${a.handling} | ${a.final_step ?? '—'} | ${a.verdict} |`,
    );
  }
  const found = o.alerts.filter((a) => a.findings);
  if (found.length > 0) {
    lines.push('', 'Findings recorded on close (protocol version 2):', '');
    for (const a of found) {
      const f = a.findings!;
      lines.push(
        `- ${text(outcomeName(a))} — attribution ${text(f.attribution)}, intent ${f.intent}, outcome ${f.outcome}; evidence: ${text(f.evidence)}`,
      );
    }
  }
  const unjudged = o.alerts.length - judged.length;
  if (unjudged > 0) {
    lines.push(
      '',
      `${unjudged} alert(s) in the protocol have no ground truth in the scenario; the JSON report lists them.`,
    );
  }

  lines.push('', '## Messages (scripted injects) and their links', '');
  if (report.messages.length === 0) lines.push('No scripted inject arrived.');
  for (const m of report.messages) {
    const handling =
      m.verdict === 'linked'
        ? `linked to ${m.linked_to.join(', ')}`
        : m.verdict === 'not-linked'
          ? '**not linked** (a link was expected)'
          : m.verdict === 'link-open'
            ? 'not linked yet (a link is expected)'
            : 'not linked';
    lines.push(
      `- ${text(m.event_id)} (${m.exercise_time.slice(0, 16).replace('T', ' ')}Z, ${text(m.from ?? 'unknown sender')}): ${handling}${m.expected_action ? ` — expected: ${text(m.expected_action)}` : ''}`,
    );
  }

  lines.push('', '## Timeline of key decisions', '');
  for (const d of report.timeline.slice(0, maxTimeline)) {
    const where = d.alert_id ? ` ${d.alert_id}` : '';
    lines.push(
      `- ${d.exercise_time.slice(0, 16).replace('T', ' ')}Z${where} (${text(d.actor)}): ${text(d.text)}`,
    );
  }
  if (report.timeline.length > maxTimeline) {
    lines.push(`- … ${report.timeline.length - maxTimeline} more decisions (see the JSON report)`);
  }
  lines.push('', banner, '');
  return lines.join('\n');
}
