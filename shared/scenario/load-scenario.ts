// Loads a scenario package through a PackageReader: manifest, zones, sensors,
// documents and feeds; validates everything, normalises times, sorts into
// replay order, computes zone membership and the content hash. A scenario is
// accepted whole or refused whole.
import { createZoneLocator } from '../geo/zone-locator';
import { checkEvent, type EventCheck } from './check-event';
import { checkManifest, checkSensors, checkZones } from './check-documents';
import { scenarioContentHash, type HashFactory } from './content-hash';
import { DiagnosticLog, TooManyErrors, jsonPointer, showValue } from './diagnostics';
import {
  CsvRecords,
  JsonArrayRecords,
  feedFormatOf,
  ndjsonRecords,
  type RawRecord,
} from './feed-records';
import type { Diagnostic, LoadedScenario, ReplayEvent, Zone } from './loaded-scenario';
import { PackagePathError, normalisePackagePath, type PackageReader } from './package-reader';
import { LineTooLong, readLines, type LineBatch } from './read-lines';
import type { Party, ScenarioEvent, Sensor } from './schema';

export const MAX_FILE_BYTES = 1024 ** 3;
export const MAX_EVENTS = 5_000_000;

/** Progress of a load, reported per chunk read. */
export interface LoadProgress {
  file: string;
  bytesRead: number;
  bytesTotal: number;
  events: number;
}

export interface LoadOptions {
  onProgress?(progress: LoadProgress): void;
  /** Manifest to load; default `scenario.json`, else the package's one `*.scenario.json`. */
  manifestPath?: string;
  /** SHA-256 implementation for the content hash (default: @noble/hashes). */
  createHash?: HashFactory;
}

export type LoadOutcome =
  | { ok: true; scenario: LoadedScenario; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

/** A feed checked on its own (form-only checks of time, party and sensor). */
export type FeedOutcome =
  | { ok: true; events: ReplayEvent[]; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

/** What feed events are checked against; null fields mean "form only". */
interface FeedContext {
  start: number | null;
  end: number | null;
  parties: ReadonlySet<string> | null;
  sensors: ReadonlySet<string> | null;
}

type MutableReplayEvent = { -readonly [K in keyof ReplayEvent]: ReplayEvent[K] };

/** Where an event was given, for "first at" in duplicate-id messages. */
interface Origin {
  file: string;
  line?: number;
  pointer?: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const cp1252 = new TextDecoder('windows-1252');

function formatBytes(n: number): string {
  return n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(2)} GiB` : `${(n / 1024 ** 2).toFixed(1)} MiB`;
}

/** Collects the events of every feed with the checks that span feeds. */
class EventCollector {
  readonly events: MutableReplayEvent[] = [];
  private readonly ids = new Map<string, number>();
  private readonly origins: Origin[] = [];
  private readonly unknownWarned = new Set<string>();

  constructor(
    private readonly log: DiagnosticLog,
    private readonly context: FeedContext,
  ) {}

  /** Checks one record; `at` says where to report problems. */
  add(raw: unknown, origin: Origin, extraUnknown?: readonly string[]): void {
    const check: EventCheck = checkEvent(raw);
    const unknown = check.unknownFields ?? extraUnknown;
    if (unknown) this.warnUnknown(unknown, origin);
    if (!check.ok) {
      for (const p of check.problems) this.report(origin, p.field, p.message);
      return;
    }
    const { event, at, shownAt } = check;
    const { start, end, parties, sensors } = this.context;
    let valid = true;
    if (start !== null && end !== null && (at < start || at > end)) {
      this.report(
        origin,
        'time',
        `${event.time} is outside the scenario window [${new Date(start).toISOString()}, ${new Date(end).toISOString()}]`,
      );
      valid = false;
    }
    if (parties && event.party !== undefined && !parties.has(event.party)) {
      this.report(
        origin,
        'party',
        `unknown party ${showValue(event.party)} (parties: ${[...parties].join(', ')})`,
      );
      valid = false;
    }
    if (event.sensor !== undefined && sensors && !sensors.has(event.sensor)) {
      this.report(
        origin,
        'sensor',
        `unknown sensor ${showValue(event.sensor)}${sensors.size ? ` (sensors: ${[...sensors].slice(0, 10).join(', ')}${sensors.size > 10 ? ', …' : ''})` : ' (the scenario lists no sensors)'}`,
      );
      valid = false;
    }
    const firstIndex = this.ids.get(event.id);
    if (firstIndex !== undefined) {
      const first = this.origins[firstIndex]!;
      const where =
        first.line !== undefined ? `${first.file}:${first.line}` : `${first.file}:${first.pointer}`;
      this.report(origin, 'id', `duplicate id ${showValue(event.id)} (first at ${where})`);
      return;
    }
    if (!valid) return;
    if (this.events.length >= MAX_EVENTS) {
      this.log.error({
        ...this.where(origin),
        message: `more than ${MAX_EVENTS.toLocaleString('en')} events, the limit for one scenario`,
      });
      throw new TooManyErrors();
    }
    this.ids.set(event.id, this.origins.length);
    this.origins.push(
      origin.line !== undefined ? { file: origin.file, line: origin.line } : origin,
    );
    this.events.push({
      seq: 0,
      at,
      shownAt,
      event,
      zoneIds: [],
      lineDistanceKm: null,
      settlementId: null,
      settlementDistanceKm: null,
    });
  }

  private where(origin: Origin): Diagnostic {
    return origin.line !== undefined
      ? { file: origin.file, line: origin.line, message: '' }
      : { file: origin.file, pointer: origin.pointer ?? '', message: '' };
  }

  report(origin: Origin, field: string, message: string, column?: number): void {
    if (origin.line !== undefined) {
      const d: Diagnostic = { file: origin.file, line: origin.line, field, message };
      if (column !== undefined) d.column = column;
      this.log.error(d);
    } else {
      const pointer =
        field === 'record' ? origin.pointer! : `${origin.pointer}/${field.split('.').join('/')}`;
      this.log.error({ file: origin.file, pointer, message: `${field}: ${message}` });
    }
  }

  private warnUnknown(fields: readonly string[], origin: Origin): void {
    for (const field of fields) {
      const key = `${origin.file}\u0000${field}`;
      if (this.unknownWarned.has(key)) continue;
      this.unknownWarned.add(key);
      const d = this.where(origin);
      this.log.warn({
        ...d,
        field,
        message: 'unknown field, kept under "extra" (reported once per file)',
      });
    }
  }
}

/** Reads a small JSON document, reporting problems; undefined on failure. */
async function readJsonDocument(
  reader: PackageReader,
  path: string,
  log: DiagnosticLog,
): Promise<unknown> {
  const text = await readTextDocument(reader, path, log);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    let where = '';
    if (position) {
      const offset = Number(position[1]);
      const before = text.slice(0, offset);
      const line = before.split('\n').length;
      where = ` at line ${line} column ${offset - before.lastIndexOf('\n')}`;
    }
    log.error({
      file: path,
      message: `not valid JSON${where} (${message.replace(/\s*in JSON at position.*$/s, '')})`,
    });
    return undefined;
  }
}

async function readTextDocument(
  reader: PackageReader,
  path: string,
  log: DiagnosticLog,
): Promise<string | undefined> {
  const size = await reader.size(path);
  if (size > MAX_FILE_BYTES) {
    log.error({ file: path, message: `the file is ${formatBytes(size)}, over the 1 GiB limit` });
    return undefined;
  }
  const bytes = await reader.bytes(path);
  try {
    return utf8.decode(bytes);
  } catch {
    log.warn({ file: path, message: 'the file is not valid UTF-8; it was read as windows-1252' });
    return cp1252.decode(bytes);
  }
}

/** Streams one feed file into the collector. */
async function readFeedFile(
  reader: PackageReader,
  path: string,
  collector: EventCollector,
  log: DiagnosticLog,
  onProgress: LoadOptions['onProgress'],
): Promise<void> {
  const bytesTotal = await reader.size(path);
  if (bytesTotal > MAX_FILE_BYTES) {
    log.error({
      file: path,
      message: `the file is ${formatBytes(bytesTotal)}, over the 1 GiB limit`,
    });
    return;
  }
  const eventsBefore = collector.events.length;
  const errorsBefore = log.errors.length;
  let records = 0;
  let parser: ((batch: LineBatch) => RawRecord[]) | null = null;
  let finish: () => RawRecord[] = () => [];
  let notUtf8Warned = false;
  let lastAt = -Infinity;
  let orderWarned = false;
  const take = (list: RawRecord[]) => {
    for (const record of list) {
      records++;
      const origin: Origin = { file: path, line: record.line };
      if (record.problem !== undefined) {
        collector.report(origin, 'record', record.problem, record.column);
        continue;
      }
      const count = collector.events.length;
      collector.add(record.value, origin, record.unknownFields);
      if (collector.events.length > count) {
        const at = collector.events[count]!.at;
        if (at < lastAt && !orderWarned) {
          orderWarned = true;
          log.warn({
            file: path,
            line: record.line,
            field: 'time',
            message: 'events are not in time order; they are sorted for replay',
          });
        }
        if (at > lastAt) lastAt = at;
      }
    }
  };
  try {
    const lines = readLines(reader.stream(path), {
      onBytes: (bytesRead) =>
        onProgress?.({ file: path, bytesRead, bytesTotal, events: collector.events.length }),
      onNotUtf8: (line) => {
        if (notUtf8Warned) return;
        notUtf8Warned = true;
        log.warn({
          file: path,
          line,
          field: 'record',
          message: 'not valid UTF-8; the file was read as windows-1252 from here on where needed',
        });
      },
    });
    for await (const batch of lines) {
      if (!parser) {
        const firstText = batch.lines.find((l) => l.trim().length > 0);
        if (firstText === undefined) continue;
        const format = feedFormatOf(path, firstText);
        if (format === 'ndjson') parser = ndjsonRecords;
        else {
          const p = format === 'csv' ? new CsvRecords() : new JsonArrayRecords();
          parser = (b) => p.push(b);
          finish = () => p.end();
        }
      }
      take(parser(batch));
    }
    take(finish());
  } catch (error) {
    if (error instanceof LineTooLong) {
      log.error({ file: path, line: error.line, field: 'record', message: error.message });
      return;
    }
    throw error;
  }
  if (
    records === 0 &&
    log.errors.length === errorsBefore &&
    collector.events.length === eventsBefore
  ) {
    log.error({ file: path, line: 1, field: 'record', message: 'the feed has no events' });
  }
}

/** Inline events (an array in the manifest) into the collector. */
function readInlineFeed(
  events: unknown[],
  file: string,
  base: string,
  collector: EventCollector,
  log: DiagnosticLog,
): void {
  if (events.length === 0) {
    log.error({ file, pointer: base, message: 'the feed has no events' });
    return;
  }
  events.forEach((raw, i) => collector.add(raw, { file, pointer: `${base}/${i}` }));
}

async function findManifest(
  reader: PackageReader,
  requested: string | undefined,
): Promise<string | Diagnostic> {
  if (requested !== undefined) return normalisePackagePath(requested);
  if (await reader.exists('scenario.json')) return 'scenario.json';
  const candidates = (await reader.list()).filter(
    (p) => !p.includes('/') && p.endsWith('.scenario.json'),
  );
  if (candidates.length === 1) return candidates[0]!;
  return {
    file: reader.name,
    message:
      candidates.length === 0
        ? 'no scenario.json (folder form) or *.scenario.json (single-file form) found'
        : `several *.scenario.json files (${candidates.join(', ')}); say which one to load`,
  };
}

function relativeTo(manifestPath: string, path: string): string {
  const slash = manifestPath.lastIndexOf('/');
  return normalisePackagePath(slash === -1 ? path : `${manifestPath.slice(0, slash + 1)}${path}`);
}

/** Replay order `(reported ?? time, id)`; ids are unique, so the order is total. */
export function compareReplayOrder(a: ReplayEvent, b: ReplayEvent): number {
  if (a.shownAt !== b.shownAt) return a.shownAt - b.shownAt;
  return a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0;
}

const BRIEFING_PATH = /^[^\n\r]{1,300}\.(md|markdown|txt)$/i;

/** Loads a scenario package (folder form or single `*.scenario.json`). */
export async function loadScenario(
  reader: PackageReader,
  options: LoadOptions = {},
): Promise<LoadOutcome> {
  const log = new DiagnosticLog();
  let manifestFile = 'scenario.json';
  try {
    const found = await findManifest(reader, options.manifestPath);
    if (typeof found !== 'string') {
      log.error(found);
      return { ok: false, errors: log.errors, warnings: log.warnings };
    }
    manifestFile = found;
    const scenario = await loadPackage(reader, manifestFile, log, options);
    if (scenario && !log.failed) {
      const warnings = log.finalWarnings(manifestFile);
      scenario.warnings = warnings;
      return { ok: true, scenario, warnings };
    }
  } catch (error) {
    if (!(error instanceof TooManyErrors)) {
      log.errors.push({
        file: manifestFile,
        message:
          error instanceof PackagePathError
            ? error.message
            : `could not be loaded: ${(error as Error).message ?? String(error)}`,
      });
    }
  }
  return { ok: false, errors: log.errors, warnings: log.finalWarnings(manifestFile) };
}

async function loadPackage(
  reader: PackageReader,
  manifestFile: string,
  log: DiagnosticLog,
  options: LoadOptions,
): Promise<(LoadedScenario & { warnings: Diagnostic[] }) | null> {
  if (!(await reader.exists(manifestFile))) {
    log.error({ file: manifestFile, message: `the file does not exist in ${reader.name}` });
    return null;
  }
  const raw = await readJsonDocument(reader, manifestFile, log);
  if (raw === undefined) return null;
  const manifest = checkManifest(raw, manifestFile, log);
  if (!manifest) return null;
  const rawManifest = raw as Record<string, unknown>;
  const resolved: Record<string, unknown> = { ...rawManifest };
  delete resolved.feeds;

  /** A path member: read and parse it; inline: use as is. Reports path problems at the pointer. */
  const documentAt = async (
    key: string,
    value: unknown,
  ): Promise<{ value: unknown; file: string; base: (string | number)[] } | null> => {
    if (typeof value !== 'string') return { value, file: manifestFile, base: [key] };
    const path = resolvePath(value, `/${key}`);
    if (path === null) return null;
    const parsed = await readJsonDocument(reader, path, log);
    return parsed === undefined ? null : { value: parsed, file: path, base: [] };
  };
  const resolvePath = (value: string, pointer: string): string | null => {
    try {
      return relativeTo(manifestFile, value);
    } catch (error) {
      log.error({ file: manifestFile, pointer, message: (error as Error).message });
      return null;
    }
  };
  const mustExist = async (path: string, pointer: string): Promise<boolean> => {
    if (await reader.exists(path)) return true;
    log.error({
      file: manifestFile,
      pointer,
      message: `names "${path}", which does not exist in the package`,
    });
    return false;
  };

  const partyIds = new Set(manifest.parties.map((p: Party) => p.id));
  let zones: Zone[] | null = null;
  if (typeof manifest.zones !== 'string' || (await mustExistRel(manifest.zones, '/zones'))) {
    const doc = await documentAt('zones', manifest.zones);
    if (doc) {
      zones = checkZones(doc.value, doc.file, doc.base, partyIds, log);
      resolved.zones = doc.value;
    }
  }
  let sensors: Sensor[] = [];
  if (
    manifest.sensors !== undefined &&
    (typeof manifest.sensors !== 'string' || (await mustExistRel(manifest.sensors, '/sensors')))
  ) {
    const doc = await documentAt('sensors', manifest.sensors);
    if (doc) {
      sensors = checkSensors(doc.value, doc.file, doc.base, log) ?? [];
      resolved.sensors = doc.value;
    }
  }
  const documents: Record<'protocol' | 'scoring', unknown> = { protocol: null, scoring: null };
  for (const key of ['protocol', 'scoring'] as const) {
    const value = manifest[key];
    if (value === undefined) continue;
    if (typeof value === 'string' && !(await mustExistRel(value, `/${key}`))) continue;
    const doc = await documentAt(key, value);
    if (!doc) continue;
    if (doc.value === null || typeof doc.value !== 'object' || Array.isArray(doc.value)) {
      log.error({
        file: doc.file,
        pointer: jsonPointer(doc.base),
        message: `the ${key} document must be a JSON object, got ${showValue(doc.value)}`,
      });
      continue;
    }
    documents[key] = doc.value;
    resolved[key] = doc.value;
  }
  let briefing: string | null = null;
  if (manifest.briefing !== undefined) {
    briefing = manifest.briefing;
    if (BRIEFING_PATH.test(manifest.briefing)) {
      // A file name: the briefing is that file's text (inline Markdown otherwise).
      const path = resolvePath(manifest.briefing, '/briefing');
      if (path !== null && (await mustExist(path, '/briefing'))) {
        const text = await readTextDocument(reader, path, log);
        if (text !== undefined) briefing = text;
      }
    }
    resolved.briefing = briefing;
  }

  async function mustExistRel(value: string, pointer: string): Promise<boolean> {
    const path = resolvePath(value, pointer);
    return path !== null && mustExist(path, pointer);
  }

  const start = Date.parse(manifest.start);
  const end = Date.parse(manifest.end);
  const collector = new EventCollector(log, {
    start,
    end,
    parties: partyIds,
    sensors: new Set(sensors.map((s) => s.id)),
  });
  if (log.failed) return null;
  for (let i = 0; i < manifest.feeds.length; i++) {
    const feed = manifest.feeds[i]!;
    if (typeof feed === 'string') {
      const path = resolvePath(feed, `/feeds/${i}`);
      if (path === null || !(await mustExist(path, `/feeds/${i}`))) continue;
      await readFeedFile(reader, path, collector, log, options.onProgress);
    } else {
      readInlineFeed(feed, manifestFile, `/feeds/${i}`, collector, log);
    }
  }
  if (log.failed || !zones) return null;

  const events = collector.events;
  events.sort(compareReplayOrder);
  const locate = createZoneLocator(zones);
  for (let i = 0; i < events.length; i++) {
    const r = events[i]!;
    r.seq = i;
    const placement = locate(r.event.lon, r.event.lat);
    r.zoneIds = placement.zoneIds;
    r.lineDistanceKm = placement.lineDistanceKm;
    r.settlementId = placement.settlementId;
    r.settlementDistanceKm = placement.settlementDistanceKm;
  }
  const hash = scenarioContentHash(resolved, eventsOf(events), options.createHash);
  return {
    id: manifest.id,
    title: manifest.title,
    classification: manifest.classification,
    start,
    end,
    timezone: manifest.timezone ?? 'UTC',
    parties: manifest.parties,
    zones,
    sensors,
    events,
    protocol: documents.protocol,
    scoring: documents.scoring,
    briefing,
    hash,
    warnings: [],
  };
}

function* eventsOf(events: readonly ReplayEvent[]): Iterable<ScenarioEvent> {
  for (const r of events) yield r.event;
}

/** Checks one feed file on its own: form-only checks of time, party and sensor. */
export async function loadFeed(
  reader: PackageReader,
  path: string,
  options: LoadOptions = {},
): Promise<FeedOutcome> {
  const log = new DiagnosticLog();
  let file = path;
  try {
    file = normalisePackagePath(path);
    if (!(await reader.exists(file))) {
      log.error({ file, message: `the file does not exist in ${reader.name}` });
    } else {
      const collector = new EventCollector(log, {
        start: null,
        end: null,
        parties: null,
        sensors: null,
      });
      await readFeedFile(reader, file, collector, log, options.onProgress);
      if (!log.failed) {
        const events = collector.events.sort(compareReplayOrder);
        events.forEach((r, i) => (r.seq = i));
        return { ok: true, events, warnings: log.finalWarnings(file) };
      }
    }
  } catch (error) {
    if (!(error instanceof TooManyErrors)) {
      log.errors.push({
        file,
        message:
          error instanceof PackagePathError
            ? error.message
            : `could not be loaded: ${(error as Error).message ?? String(error)}`,
      });
    }
  }
  return { ok: false, errors: log.errors, warnings: log.finalWarnings(file) };
}
