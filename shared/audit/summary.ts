// One-line, human summaries of log entries for the Log screen and CSV view.
// Entry data is written by the exercise engine; read it defensively so an
// unexpected shape still yields a useful line rather than an exception.
import type { LogEntry } from './entry';

type Data = Record<string, unknown>;

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.length > 0) return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function pick(data: Data, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = text(data[name]);
    if (value !== undefined) return value;
  }
  return undefined;
}

function clip(line: string, max = 160): string {
  const single = line.replace(/\s+/g, ' ').trim();
  return single.length > max ? `${single.slice(0, max - 1)}…` : single;
}

function dataPairs(data: Data): string {
  return Object.entries(data)
    .filter(([, v]) => text(v) !== undefined)
    .map(([k, v]) => `${k}=${text(v)!}`)
    .join(', ');
}

/**
 * "gravity 82.5 critical, certainty 0.45 possible" (version 2), or "score
 * 61 high" (a version-1 log), from an entry's data.
 */
function measuresText(d: Data, bandField: string): string | undefined {
  const band = pick(d, bandField);
  const gravity = pick(d, 'gravity');
  if (gravity === undefined) {
    const score = pick(d, 'score');
    return score !== undefined ? `score ${score}${band ? ` ${band}` : ''}` : band;
  }
  const certainty = pick(d, 'certainty');
  const certaintyBand = pick(d, 'certainty_band');
  return [
    `gravity ${gravity}${band ? ` ${band}` : ''}`,
    certainty !== undefined || certaintyBand !== undefined
      ? `certainty ${[certainty, certaintyBand].filter(Boolean).join(' ')}`
      : undefined,
  ]
    .filter(Boolean)
    .join(', ');
}

const on = (entry: LogEntry) => (entry.alert_id ? ` on ${entry.alert_id}` : '');

/** A one-line summary of an entry, by kind. */
export function summarizeEntry(entry: LogEntry): string {
  const d = entry.data;
  switch (entry.kind) {
    case 'exercise-created':
      return clip(
        `Exercise created from scenario ${pick(d, 'scenario_id', 'scenario') ?? '?'}` +
          `${pick(d, 'title') ? ` "${pick(d, 'title')!}"` : ''}` +
          `${pick(d, 'app_version') ? `, app ${pick(d, 'app_version')!}` : ''}`,
      );
    case 'clock': {
      const action = pick(d, 'action', 'op') ?? 'change';
      // Written by the console while the clock runs, so a killed window resumes here.
      if (action === 'checkpoint') return 'Clock checkpoint (resume point)';
      const detail = pick(d, 'speed', 'to', 'target', 'at');
      return clip(`Clock ${action}${detail ? ` ${action === 'speed' ? '×' : '→ '}${detail}` : ''}`);
    }
    case 'alert-opened': {
      // Version 2 logs gravity and certainty; version-1 logs kept their one score.
      const facts = [
        measuresText(d, 'severity'),
        pick(d, 'continues') && `continues ${pick(d, 'continues')!}`,
      ].filter(Boolean);
      return clip(`Alert opened${on(entry)}${facts.length ? ` (${facts.join('; ')})` : ''}`);
    }
    case 'alert-severity-changed':
    case 'incident-bands-changed': {
      const who =
        entry.kind === 'incident-bands-changed'
          ? `Incident ${pick(d, 'incident') ?? '?'} bands${on(entry)}:`
          : `Bands${on(entry)}:`;
      const band = (from: string | undefined, to: string | undefined) =>
        from !== undefined && from !== to ? `${from} → ${to ?? '?'}` : (to ?? '?');
      const value = pick(d, 'gravity') ?? pick(d, 'score');
      const gravity = `${pick(d, 'gravity') === undefined && value !== undefined ? 'score' : 'gravity'} ${value ?? '?'} ${band(pick(d, 'from'), pick(d, 'to', 'severity'))}`;
      const certainty =
        pick(d, 'certainty_to') !== undefined
          ? `; certainty ${pick(d, 'certainty') ?? '?'} ${band(pick(d, 'certainty_from'), pick(d, 'certainty_to'))}`
          : '';
      const prompt = pick(d, 'prompt') ? `; prompt to jump to ${pick(d, 'prompt')!}` : '';
      return clip(`${who} ${gravity}${certainty}${prompt}`);
    }
    case 'link': {
      const ids = Array.isArray(d.alert_ids) ? (d.alert_ids as unknown[]).map(String) : [];
      return clip(
        `Linked ${ids[1] ?? '?'} into incident ${pick(d, 'incident') ?? '?'} of ${ids[0] ?? '?'}${pick(d, 'superseded') ? ` (run of ${pick(d, 'superseded')!} superseded)` : ''}`,
      );
    }
    case 'unlink':
      return clip(`Unlinked${on(entry)} from incident ${pick(d, 'incident') ?? '?'}`);
    case 'ack':
      return clip(`Acknowledged${on(entry)} by ${entry.actor}`);
    case 'protocol-action': {
      const to = pick(d, 'to', 'next');
      const inputs = (typeof d.inputs === 'object' && d.inputs !== null ? d.inputs : d) as Data;
      const why = pick(inputs, 'rationale', 'summary', 'measures');
      const tail = `${on(entry)}${why ? ` — ${why}` : ''}`;
      switch (d.type) {
        case 'enter':
          return clip(
            `Protocol entered at ${to ?? entry.step_id ?? '?'}${pick(d, 'severity') ? ` (${[pick(d, 'severity'), pick(d, 'certainty_band')].filter(Boolean).join(', ')})` : ''}${tail}`,
          );
        case 'start':
          return clip(`Protocol started at ${to ?? entry.step_id ?? '?'}${tail}`);
        case 'deadline-escalation':
          return clip(`Escalated ${pick(d, 'from') ?? '?'} → ${to ?? '?'} on deadline${tail}`);
        case 'severity-jump':
          return clip(
            `Moved ${pick(d, 'from') ?? '?'} → ${to ?? '?'} (severity ${pick(d, 'severity') ?? '?'})${tail}`,
          );
        default:
          return clip(
            `${pick(d, 'from') ?? entry.step_id ?? 'step'}: ${pick(d, 'label', 'action', 'action_id') ?? 'action'}${to ? ` → ${to}` : ''}${tail}`,
          );
      }
    }
    case 'party-ack':
      return clip(
        `Party ${pick(d, 'party', 'party_id') ?? '?'} acknowledged${on(entry)}${pick(d, 'how', 'channel') ? ` (${pick(d, 'how', 'channel')!})` : ''}`,
      );
    case 'deadline-warning':
      return clip(`Deadline warning${on(entry)} at ${entry.step_id ?? 'step'}`);
    case 'deadline-breach':
      return clip(
        `Deadline breached${on(entry)} at ${entry.step_id ?? 'step'}${pick(d, 'escalated_to', 'next') ? ` → ${pick(d, 'escalated_to', 'next')!}` : ''}`,
      );
    case 'note':
      return clip(`Note: ${pick(d, 'text', 'note') ?? ''}`);
    case 'inject': {
      // The engine logs the message as `summary` (docs/AUDIT-LOG.md): the line carries its words.
      const id = pick(d, 'event_id');
      const words = pick(d, 'summary', 'title', 'text');
      const from = pick(d, 'from') ? ` from ${pick(d, 'from')!}` : '';
      return clip(
        `Controller inject${id ? ` ${id}` : ''}${from}: ${words ?? (id ? '' : dataPairs(d))}`,
      );
    }
    case 'inject-control': {
      const id = pick(d, 'event_id') ?? '?';
      switch (d.action) {
        case 'hold':
          return clip(`Inject ${id} held by ${entry.actor}`);
        case 'release':
          return clip(`Inject ${id} released by ${entry.actor}`);
        case 'deliver':
          return clip(`Inject ${id} delivered now by ${entry.actor}`);
        case 'move':
          return clip(
            `Inject ${id} moved by ${entry.actor} from ${pick(d, 'from') ?? '?'} to ${pick(d, 'to') ?? '?'}`,
          );
        default:
          return clip(`Inject ${id}: ${dataPairs(d)}`);
      }
    }
    case 'message-linked':
      return clip(`Message ${pick(d, 'event_id') ?? '?'} linked to alert ${entry.alert_id ?? '?'}`);
    case 'exercise-ended':
      return clip(`Exercise ended${pick(d, 'reason') ? `: ${pick(d, 'reason')!}` : ''}`);
    case 'export':
      return clip(
        `Log exported${pick(d, 'head', 'final_hash') ? `, head ${pick(d, 'head', 'final_hash')!.slice(0, 12)}…` : ''}`,
      );
    default: {
      const pairs = dataPairs(d);
      return clip(`${entry.kind}${on(entry)}${pairs ? `: ${pairs}` : ''}`);
    }
  }
}
