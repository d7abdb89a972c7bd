// Loads a scenario package through a PackageReader: manifest, zones, sensors,
// documents and feeds; validates everything, normalises times, sorts into
// replay order, computes zone membership and the content hash. A scenario is
// accepted whole or refused whole. `checkScenario` runs the same checks
// without keeping the events (for `validate`).
import { decodeWindows1252 } from './windows-1252';
import { SCORING_VERSION_1_REFUSED, isScoringVersion1 } from '../alerts/scoring-v1-refusal';
import { lineColumn, locateJsonError } from './json-error';
import { jsonValueProblems, problemMessage, problemPointer } from './check-json-value';
import { createZoneLocator } from '../geo/zone-locator';
import { checkManifest, checkSensors, checkZones } from './check-documents';
import { checkPartyScript } from './check-party-script';
import {
  EventCollector,
  MAX_FILE_BYTES,
  ReplayEventList,
  formatBytes,
  readFeedFile,
  readInlineFeed,
  type EventSink,
  type LoadProgress,
} from './collect-events';
import { scenarioContentHash, scenarioContentHashOfTexts, type HashFactory } from './content-hash';
import { EventTally } from './event-tally';
import { DiagnosticLog, TooManyErrors, jsonPointer, showValue } from './diagnostics';
import type { Diagnostic, LoadedScenario, ReplayEvent, Zone } from './loaded-scenario';
import { PackagePathError, normalisePackagePath, type PackageReader } from './package-reader';
import { sortReplayOrder } from './replay-order';
import type { Party, PartyScript, ScenarioManifest, Sensor } from './schema';

export type { LoadProgress } from './collect-events';
export { compareReplayOrder } from './replay-order';
export { MAX_EVENTS, MAX_FILE_BYTES } from './collect-events';

export interface LoadOptions {
  onProgress?(progress: LoadProgress): void;
  /** Manifest to load; default `scenario.json`, else the package's one `*.scenario.json`. */
  manifestPath?: string;
  /** SHA-256 implementation for the content hash (default: @noble/hashes). */
  createHash?: HashFactory;
  /**
   * false: skip zone membership and distances (they stay empty/null), for
   * callers that only check a scenario, such as `truceline validate`.
   */
  geography?: boolean;
  /** A lower event limit than MAX_EVENTS (tests; memory-constrained hosts). */
  maxEvents?: number;
}

export type LoadOutcome =
  | { ok: true; scenario: LoadedScenario; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

/** A feed checked on its own (form-only checks of time, party and sensor). */
export type FeedOutcome =
  | { ok: true; events: ReplayEvent[]; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a small JSON document, reporting problems; undefined on failure. The
 * whole document is checked for what JSON.parse lets through but a scenario
 * cannot hold (check-json-value.ts), inline feeds of a manifest included.
 */
async function readJsonDocument(
  reader: PackageReader,
  path: string,
  log: DiagnosticLog,
): Promise<unknown> {
  const text = await readTextDocument(reader, path, log);
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const problem = locateJsonError(text);
    const where = problem ? lineColumn(text, problem.offset) : null;
    log.error({
      file: path,
      message: where
        ? `not valid JSON at line ${where.line} column ${where.column}: ${problem!.message}`
        : 'not valid JSON',
    });
    return undefined;
  }
  const problems = jsonValueProblems(value, text.includes('\\u'));
  for (const problem of problems) {
    log.error({
      file: path,
      pointer: problemPointer(problem),
      message: problemMessage(problem, false),
    });
  }
  return problems.length > 0 ? undefined : value;
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
    return decodeWindows1252(bytes);
  }
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

const BRIEFING_PATH = /^[^\n\r]{1,300}\.(md|markdown|txt)$/i;

/** Loads a scenario package (folder form or single `*.scenario.json`). */
export async function loadScenario(
  reader: PackageReader,
  options: LoadOptions = {},
): Promise<LoadOutcome> {
  return readScenario(
    reader,
    options,
    (zones) =>
      new ReplayEventList(
        zones && options.geography !== false ? createZoneLocator(zones) : undefined,
      ),
    (parts, list): LoadedScenario => {
      const events = sortReplayOrder(list.events);
      for (let i = 0; i < events.length; i++) events[i]!.seq = i;
      const hash = scenarioContentHash(parts.resolved, events, options.createHash);
      return { ...scenarioOf(parts), events, hash, warnings: [] };
    },
  );
}

/** What `checkScenario` finds: the scenario without its events, and their tallies. */
export type CheckedScenario = Omit<LoadedScenario, 'events'> & { tally: EventTally };

export type CheckOutcome =
  | { ok: true; scenario: CheckedScenario; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

/**
 * Checks a scenario package exactly as `loadScenario` does (same diagnostics,
 * same content hash) without keeping its events: only their counts and their
 * JCS texts for the hash, which is all `truceline validate` needs.
 */
export async function checkScenario(
  reader: PackageReader,
  options: Omit<LoadOptions, 'geography'> = {},
): Promise<CheckOutcome> {
  return readScenario(
    reader,
    options,
    () => new EventTally(),
    (parts, tally): CheckedScenario => {
      const texts = tally.textsInReplayOrder();
      const hash = scenarioContentHashOfTexts(parts.resolved, texts, options.createHash);
      return { ...scenarioOf(parts), hash, warnings: [], tally };
    },
  );
}

function scenarioOf(parts: PackageParts): Omit<LoadedScenario, 'events' | 'hash' | 'warnings'> {
  const { manifest, zones, sensors, documents, briefing, start, end } = parts;
  return {
    id: manifest.id,
    title: manifest.title,
    classification: manifest.classification,
    start,
    end,
    timezone: manifest.timezone ?? 'UTC',
    ...(manifest.daily_report_hour !== undefined
      ? { dailyReportHour: manifest.daily_report_hour }
      : {}),
    parties: manifest.parties,
    zones,
    sensors,
    protocol: documents.protocol,
    scoring: documents.scoring,
    briefing,
    partyScript: parts.partyScript,
  };
}

type ReadOutcome<R> =
  | { ok: true; scenario: R; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

/**
 * Reads and checks a package, pouring its events into the sink made for its
 * zones, then makes the scenario from the parts and the filled sink; the
 * load's final warnings go on the scenario and beside it.
 */
async function readScenario<S extends EventSink, R extends { warnings: readonly Diagnostic[] }>(
  reader: PackageReader,
  options: LoadOptions,
  makeSink: (zones: readonly Zone[] | null) => S,
  finish: (parts: PackageParts, sink: S) => R,
): Promise<ReadOutcome<R>> {
  const log = new DiagnosticLog();
  let manifestFile = 'scenario.json';
  try {
    const found = await findManifest(reader, options.manifestPath);
    if (typeof found !== 'string') {
      log.error(found);
      return { ok: false, errors: log.errors, warnings: log.warnings };
    }
    manifestFile = found;
    let sink: S | null = null;
    const parts = await loadPackage(reader, manifestFile, log, options, (zones) => {
      sink = makeSink(zones);
      return sink;
    });
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- sink is set inside the loadPackage callback, which TS does not see run
    if (parts && sink && !log.failed) {
      const warnings = log.finalWarnings(manifestFile);
      const scenario = finish(parts, sink);
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
            : `could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  return { ok: false, errors: log.errors, warnings: log.finalWarnings(manifestFile) };
}

/** A package's documents, checked; its events went to the sink. */
interface PackageParts {
  manifest: ScenarioManifest;
  /** The manifest with paths replaced by their content, without `feeds` (for the hash). */
  resolved: Record<string, unknown>;
  zones: Zone[];
  sensors: Sensor[];
  documents: Record<'protocol' | 'scoring', unknown>;
  briefing: string | null;
  /** Controller-only: how the parties behave (section 8). */
  partyScript: PartyScript | null;
  start: number;
  end: number;
}

async function loadPackage(
  reader: PackageReader,
  manifestFile: string,
  log: DiagnosticLog,
  options: LoadOptions,
  makeSink: (zones: readonly Zone[] | null) => EventSink,
): Promise<PackageParts | null> {
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
  /** The package file a path member names, or why it names none (not yet reported). */
  const locate = async (value: string, pointer: string): Promise<string | Diagnostic> => {
    let path: string;
    try {
      path = relativeTo(manifestFile, value);
    } catch (error) {
      return { file: manifestFile, pointer, message: (error as Error).message };
    }
    try {
      if (await reader.exists(path)) return path;
    } catch (error) {
      if (!(error instanceof PackagePathError)) throw error;
      return { file: manifestFile, pointer, message: error.message };
    }
    return {
      file: manifestFile,
      pointer,
      message: `names "${path}", which does not exist in the package`,
    };
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
    if (key === 'scoring' && isScoringVersion1(doc.value)) {
      // The one version-1 scenario that no longer loads (docs/SCENARIO-FORMAT.md section 8).
      log.error({
        file: doc.file,
        pointer: jsonPointer([...doc.base, 'version']),
        message: SCORING_VERSION_1_REFUSED,
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
      const path = await locate(manifest.briefing, '/briefing');
      if (typeof path !== 'string') {
        log.error(path);
      } else {
        const text = await readTextDocument(reader, path, log);
        if (text !== undefined) briefing = text;
      }
    }
    resolved.briefing = briefing;
  }

  async function mustExistRel(value: string, pointer: string): Promise<boolean> {
    const path = await locate(value, pointer);
    if (typeof path === 'string') return true;
    log.error(path);
    return false;
  }

  const start = Date.parse(manifest.start);
  const end = Date.parse(manifest.end);
  const collector = new EventCollector(
    log,
    {
      start,
      end,
      parties: partyIds,
      sensors: new Set(sensors.map((s) => s.id)),
      maxEvents: options.maxEvents,
    },
    makeSink(zones),
  );
  if (log.failed) return null;
  for (let i = 0; i < manifest.feeds.length; i++) {
    const feed = manifest.feeds[i]!;
    if (typeof feed !== 'string') {
      readInlineFeed(feed, manifestFile, `/feeds/${i}`, collector, log);
      continue;
    }
    const path = await locate(feed, `/feeds/${i}`);
    if (typeof path !== 'string') log.error(path);
    else await readFeedFile(reader, path, collector, log, options.onProgress);
  }
  collector.checkReferences();
  // Checked once every feed is read: it may only name incidents some event carries.
  let partyScript: PartyScript | null = null;
  if (
    manifest.party_script !== undefined &&
    (typeof manifest.party_script !== 'string' ||
      (await mustExistRel(manifest.party_script, '/party_script')))
  ) {
    const doc = await documentAt('party_script', manifest.party_script);
    if (doc) {
      const window = { start, end };
      const parties = manifest.parties;
      const incidents = collector.incidents;
      partyScript = checkPartyScript(
        doc.value,
        doc.file,
        doc.base,
        parties,
        incidents,
        window,
        log,
      );
      resolved.party_script = doc.value;
    }
  }
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- log.failed is a getter that the feed reads above can turn true; TS keeps its narrowing from the earlier check
  if (log.failed || !zones) return null;
  return { manifest, resolved, zones, sensors, documents, briefing, partyScript, start, end };
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
      const list = new ReplayEventList();
      const collector = new EventCollector(
        log,
        { start: null, end: null, parties: null, sensors: null, maxEvents: options.maxEvents },
        list,
      );
      await readFeedFile(reader, file, collector, log, options.onProgress);
      if (!log.failed) {
        const events = sortReplayOrder(list.events);
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
            : `could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  return { ok: false, errors: log.errors, warnings: log.finalWarnings(file) };
}
