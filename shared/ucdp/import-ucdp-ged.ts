// UCDP GED CSV → feed events (docs/SCENARIO-FORMAT.md section 6; mapping in
// docs/UCDP-IMPORT.md). Data: Uppsala Conflict Data Program, CC BY 4.0 (credit there).
// Pure: bytes or text in, events and an account of every row out.
import { eventSchema, type ScenarioEvent } from '../scenario/schema';
import { decodeCsvBytes } from './decode-csv-bytes';
import {
  DATE_PRECISION_FACTOR,
  EVENT_CLARITY_CONFIDENCE,
  VIOLENCE_TYPES,
  WHERE_PRECISION_M,
  WORST_CLARITY_CONFIDENCE,
  WORST_DATE_FACTOR,
  gedConfidence,
} from './ged-mapping';
import { parseGedDate } from './parse-ged-date';
import { splitCsvRecords } from './split-csv-records';

/** Columns without which no row can be mapped; a file lacking any is refused whole. */
export const REQUIRED_GED_COLUMNS = [
  'id',
  'relid',
  'type_of_violence',
  'side_a',
  'side_b',
  'where_prec',
  'where_description',
  'latitude',
  'longitude',
  'event_clarity',
  'date_prec',
  'date_start',
  'date_end',
  'best',
  'high',
  'low',
] as const;

const SUMMARY_MAX = 4000;

/** A note about an imported row or the file (the row is still imported). */
export interface UcdpWarning {
  /** 1-based line where the record starts; absent for file-level warnings. */
  line?: number;
  field?: string;
  message: string;
}

/** A row that was not imported, and why. */
export interface UcdpRejection {
  line: number;
  /** The GED id, when the row has a readable one. */
  gedId?: string;
  field?: string;
  reason: string;
}

export interface UcdpImportResult {
  /** Imported events sorted by (time, id). */
  events: ScenarioEvent[];
  warnings: UcdpWarning[];
  rejections: UcdpRejection[];
  /** rowsRead = eventsWritten + rowsRejected, always. */
  counts: { rowsRead: number; eventsWritten: number; rowsRejected: number };
  encoding: 'utf-8' | 'windows-1252';
}

/** Raised when the input is not a GED export at all (no header, required columns missing). */
export class UcdpImportError extends Error {}

/** Imports a UCDP GED CSV export (bytes or already-decoded text) into feed events. */
export function importUcdpGed(input: Uint8Array | string): UcdpImportResult {
  const warnings: UcdpWarning[] = [];
  let text: string;
  let encoding: UcdpImportResult['encoding'] = 'utf-8';
  if (typeof input === 'string') {
    text = input;
  } else {
    const decoded = decodeCsvBytes(input);
    text = decoded.text;
    encoding = decoded.encoding;
    if (decoded.warning) warnings.push({ message: decoded.warning });
  }

  const records = splitCsvRecords(text);
  const header = records.shift();
  if (!header) throw new UcdpImportError('the file is empty: expected a GED header row');
  if (header.error) throw new UcdpImportError(`line ${header.line}: header row: ${header.error}`);
  const names = header.fields.map((name) => name.trim().toLowerCase());
  const missing = REQUIRED_GED_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    throw new UcdpImportError(
      `line ${header.line}: not a UCDP GED export: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
    );
  }
  const duplicateColumn = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicateColumn) {
    throw new UcdpImportError(`line ${header.line}: column "${duplicateColumn}" appears twice`);
  }

  const events: ScenarioEvent[] = [];
  const rejections: UcdpRejection[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    const outcome = mapRow(record.fields, names, record.line, record.error);
    if ('reason' in outcome) {
      rejections.push(outcome);
      continue;
    }
    const firstLine = seen.get(outcome.gedId);
    if (firstLine !== undefined) {
      rejections.push({
        line: record.line,
        gedId: outcome.gedId,
        field: 'id',
        reason: `duplicate GED id ${outcome.gedId} (first on line ${firstLine})`,
      });
      continue;
    }
    seen.set(outcome.gedId, record.line);
    warnings.push(...outcome.warnings);
    events.push(outcome.event);
  }

  events.sort((a, b) =>
    a.time < b.time ? -1 : a.time > b.time ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  return {
    events,
    warnings,
    rejections,
    counts: {
      rowsRead: records.length,
      eventsWritten: events.length,
      rowsRejected: rejections.length,
    },
    encoding,
  };
}

type RowOutcome = { gedId: string; event: ScenarioEvent; warnings: UcdpWarning[] } | UcdpRejection;

function mapRow(
  fields: string[],
  names: string[],
  line: number,
  csvError: string | undefined,
): RowOutcome {
  const cell = (column: string): string => (fields[names.indexOf(column)] ?? '').trim();
  const rawId = cell('id');
  const gedId = /^[A-Za-z0-9._-]{1,120}$/.test(rawId) ? rawId : undefined;
  const reject = (field: string | undefined, reason: string): UcdpRejection => ({
    line,
    ...(gedId ? { gedId } : {}),
    ...(field ? { field } : {}),
    reason,
  });

  if (csvError) return reject(undefined, `malformed CSV record: ${csvError}`);
  if (fields.length !== names.length) {
    return reject(undefined, `has ${fields.length} fields, the header has ${names.length}`);
  }
  if (!gedId) {
    return reject(
      'id',
      rawId === '' ? 'is empty' : `"${rawId}" is not a GED id (letters, digits, . _ -)`,
    );
  }

  const warnings: UcdpWarning[] = [];
  const warn = (field: string, message: string) => warnings.push({ line, field, message });

  const violence = VIOLENCE_TYPES[cell('type_of_violence')];
  if (!violence) {
    return reject('type_of_violence', `"${cell('type_of_violence')}" is not 1, 2 or 3`);
  }

  const lat = parseCoordinate(cell('latitude'), 90);
  if (typeof lat === 'string') return reject('latitude', lat);
  const lon = parseCoordinate(cell('longitude'), 180);
  if (typeof lon === 'string') return reject('longitude', lon);

  const start = parseGedDate(cell('date_start'));
  if (!start.ok) return reject('date_start', start.reason);
  let dateEnd: string | undefined;
  if (cell('date_end') !== '') {
    const end = parseGedDate(cell('date_end'));
    if (!end.ok) return reject('date_end', end.reason);
    dateEnd = end.date;
    if (dateEnd < start.date)
      warn('date_end', `${dateEnd} is before date_start ${start.date}; kept as given`);
  }

  const killed = parseDeaths(cell('low'), cell('best'), cell('high'));
  if ('reason' in killed) return reject(killed.field, killed.reason);
  if (killed.warning) warn('low/best/high', killed.warning);
  // The civilian part of the deaths (SCENARIO-FORMAT.md section 8). The column
  // is optional: older exports without it still import.
  let civilianKilled: number | undefined;
  const rawCivilians = cell('deaths_civilians');
  if (names.includes('deaths_civilians') && rawCivilians !== '') {
    if (!/^\d+(\.0+)?$/.test(rawCivilians)) {
      return reject('deaths_civilians', `"${rawCivilians}" is not a whole number of deaths`);
    }
    civilianKilled = Number(rawCivilians);
    const high = killed.value?.high;
    if (high !== undefined && civilianKilled > high) {
      warn('deaths_civilians', `${civilianKilled} is more than high (${high}); taken as ${high}`);
      civilianKilled = high;
    }
  }

  const wherePrec = WHERE_PRECISION_M[cell('where_prec')];
  if (!wherePrec)
    warn('where_prec', `"${cell('where_prec')}" is not a code 1–7; precision_m left out`);

  let dateFactor = DATE_PRECISION_FACTOR[cell('date_prec')];
  if (dateFactor === undefined) {
    warn('date_prec', `"${cell('date_prec')}" is not a code 1–5; taken as 5 (year only)`);
    dateFactor = WORST_DATE_FACTOR;
  }
  let clarity = EVENT_CLARITY_CONFIDENCE[cell('event_clarity')];
  if (clarity === undefined) {
    warn('event_clarity', `"${cell('event_clarity')}" is not 1 or 2; taken as 2 (lower clarity)`);
    clarity = WORST_CLARITY_CONFIDENCE;
  }

  const event: ScenarioEvent = {
    id: `ucdp-${gedId}`,
    time: `${start.date}T00:00:00.000Z`,
    source: 'open-source',
    platform: 'UCDP GED',
    type: violence.type,
    subtype: violence.subtype,
    lat,
    lon,
    ...(wherePrec ? { precision_m: wherePrec.metres } : {}),
    confidence: gedConfidence(clarity, dateFactor),
    ...(killed.value ? { killed: killed.value } : {}),
    ...(civilianKilled !== undefined ? { civilian_killed: civilianKilled } : {}),
    ...(violence.target ? { target: violence.target } : {}),
    summary: buildSummary(cell('where_description'), cell('source_headline'), cell('dyad_name')),
    ...(cell('relid') ? { ref: cell('relid') } : {}),
    ...(dateEnd ? { 'x-date-end': dateEnd } : {}),
    'x-side-a': cell('side_a'),
    'x-side-b': cell('side_b'),
    ...optional('x-ucdp-dyad', cell('dyad_name')),
    ...optional('x-ucdp-conflict', cell('conflict_name')),
    'x-ucdp-where-prec': code(cell('where_prec')),
    'x-ucdp-date-prec': code(cell('date_prec')),
    'x-ucdp-event-clarity': code(cell('event_clarity')),
  };

  // A last check against the format itself, so a mapping slip is a rejection, not a bad feed.
  const checked = eventSchema.safeParse(event);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return reject(
      issue?.path.join('.') || undefined,
      `mapped event is invalid: ${issue?.message ?? 'unknown'}`,
    );
  }
  return { gedId, event, warnings };
}

/** GED codes as numbers when they are numbers, otherwise as given. */
function code(raw: string): number | string {
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

function optional(key: `x-${string}`, value: string): Record<string, string> {
  return value === '' ? {} : { [key]: value };
}

function parseCoordinate(raw: string, limit: number): number | string {
  if (raw === '') return 'is empty';
  const value = Number(raw);
  if (!Number.isFinite(value) || !/^[-+]?\d+(\.\d+)?$/.test(raw)) return `"${raw}" is not a number`;
  if (Math.abs(value) > limit) return `${raw} is outside ±${limit}`;
  return value;
}

type Deaths =
  | { value: { low: number; best: number; high: number } | undefined; warning?: string }
  | { field: string; reason: string };

function parseDeaths(rawLow: string, rawBest: string, rawHigh: string): Deaths {
  const parsed: Record<string, number | undefined> = {};
  for (const [field, raw] of [
    ['low', rawLow],
    ['best', rawBest],
    ['high', rawHigh],
  ] as const) {
    if (raw === '') continue;
    if (!/^\d+(\.0+)?$/.test(raw))
      return { field, reason: `"${raw}" is not a whole number of deaths` };
    parsed[field] = Number(raw);
  }
  const { low, best, high } = parsed;
  if (low === undefined && best === undefined && high === undefined) return { value: undefined };
  if (best === undefined) return { field: 'best', reason: 'is empty while low or high is given' };
  let warning: string | undefined;
  const filled = [low ?? best, best, high ?? best] as [number, number, number];
  if (low === undefined || high === undefined) {
    warning = `low or high is empty; taken as best (${best})`;
  }
  const ordered = [...filled].sort((a, b) => a - b) as [number, number, number];
  if (ordered.some((v, i) => v !== filled[i])) {
    const was = `low/best/high were ${filled.join('/')}`;
    warning = `${warning ? `${warning}; ` : ''}${was}, ordered to ${ordered.join('/')}`;
  }
  return {
    value: { low: ordered[0], best: ordered[1], high: ordered[2] },
    ...(warning ? { warning } : {}),
  };
}

function buildSummary(where: string, headline: string, dyad: string): string {
  const flat = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  const parts = [flat(where), flat(headline)].filter((s) => s !== '');
  const summary = parts.length > 0 ? parts.join(' — ') : flat(dyad) || 'UCDP GED event';
  return summary.length > SUMMARY_MAX ? `${summary.slice(0, SUMMARY_MAX - 1)}…` : summary;
}

/** Formats a warning as `<file>:<line>: <field>: <message>` (file-level: `<file>: <message>`). */
export function formatUcdpWarning(file: string, warning: UcdpWarning): string {
  const where = warning.line === undefined ? file : `${file}:${warning.line}`;
  return `${where}: ${warning.field ? `${warning.field}: ` : ''}warning: ${warning.message}`;
}

/** Formats a rejection as `<file>:<line>: <field>: rejected row (GED id N): <reason>`. */
export function formatUcdpRejection(file: string, rejection: UcdpRejection): string {
  const id = rejection.gedId ? ` (GED id ${rejection.gedId})` : '';
  return `${file}:${rejection.line}: ${rejection.field ? `${rejection.field}: ` : ''}rejected row${id}: ${rejection.reason}`;
}
