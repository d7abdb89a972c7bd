// Starting an exercise on an empty log, and resuming one from its log: the
// log is replayed through the same engine, each system entry it regenerates
// checked against the logged one, so a log that does not fit the scenario is
// refused at the first entry that differs.
import type { EntryDraft, LogEntry } from '../audit/entry';
import { canonicalJson } from '../audit/jcs';
import type { AuditLogWriter } from '../audit/writer';
import type { LoadedScenario } from '../scenario/loaded-scenario';
import { ExerciseEngine, type EntrySink, type ExerciseActor } from './exercise-engine';
import { READ_ONLY_V1, prepareExercise, type ExerciseSetup } from './exercise-setup';
import { isScoringVersion1 } from '../alerts/scoring-v1-refusal';
import {
  exerciseCreatedData,
  isAutomaticPause,
  isAutomaticSpeed,
  type ExerciseCreatedData,
} from './log-data';

/** Raised when a log cannot be resumed against a scenario; names the entry and why. */
export class ResumeError extends Error {
  override name = 'ResumeError';
}

/** Raised when an exercise that can only be read is asked to take new entries. */
export class ReadOnlyExerciseError extends ResumeError {
  override name = 'ReadOnlyExerciseError';
}

/** True when a log can only be opened read-only (its exercise-created entry says why), with the reason. */
export function readOnlyReason(entries: readonly LogEntry[]): string | null {
  const data =
    entries[0]?.kind === 'exercise-created'
      ? (entries[0].data as { scoring?: { document?: unknown } })
      : null;
  return data && isScoringVersion1(data.scoring?.document) ? READ_ONLY_V1 : null;
}

/** Starts a new exercise on an empty log: logs `exercise-created`, shows what is due at start. */
export async function createExercise(
  setup: ExerciseSetup,
  log: AuditLogWriter,
  actor: ExerciseActor,
): Promise<ExerciseEngine> {
  if (log.head().seq !== 0) {
    throw new Error(
      `a new exercise needs an empty log (this one has ${log.head().seq} entries): resume it instead`,
    );
  }
  if (setup.readOnly) throw new Error(setup.readOnly);
  const engine = new ExerciseEngine(setup, (drafts) => log.append(drafts), actor);
  await engine.begin(actor);
  return engine;
}

function comparable(entry: EntryDraft | LogEntry): string {
  return canonicalJson({
    exercise_time: entry.exercise_time,
    actor: entry.actor,
    role: entry.role,
    kind: entry.kind,
    alert_id: entry.alert_id ?? null,
    step_id: entry.step_id ?? null,
    party: entry.party ?? null,
    data: JSON.parse(canonicalJson(entry.data)) as unknown,
  });
}

function describe(entry: EntryDraft | LogEntry): string {
  const what = [entry.kind, entry.alert_id, entry.step_id].filter(Boolean).join(' ');
  return `${what} at ${entry.exercise_time ?? 'no time'}`;
}

/** The exercise-created data of a log, checked against the scenario. */
export function readExerciseCreated(
  entries: readonly LogEntry[],
  scenario: LoadedScenario,
): ExerciseCreatedData {
  const first = entries[0];
  if (!first || first.kind !== 'exercise-created') {
    throw new ResumeError('log entry 1: a log starts with exercise-created');
  }
  const parsed = exerciseCreatedData.safeParse(first.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ResumeError(`log entry 1: data.${issue.path.join('.')}: ${issue.message}`);
  }
  const data = parsed.data;
  if (data.scenario_hash !== scenario.hash) {
    throw new ResumeError(
      `the log was made with scenario "${data.scenario_id}" hash ${data.scenario_hash}, but this scenario ("${scenario.id}") has hash ${scenario.hash}`,
    );
  }
  return data;
}

/** A sink that checks regenerated drafts against the logged entries, then hands over to `writer`. */
function replaySink(
  entries: readonly LogEntry[],
  writer?: AuditLogWriter,
): EntrySink & { position: number } {
  const sink = async (drafts: EntryDraft[]): Promise<LogEntry[] | null> => {
    if (sink.position >= entries.length) return writer ? writer.append(drafts) : null;
    const matched: LogEntry[] = [];
    for (const draft of drafts) {
      const entry = entries[sink.position];
      if (!entry) {
        throw new ResumeError(
          `the log ends in the middle of a batch: the replay also produces ${describe(draft)}`,
        );
      }
      if (comparable(entry) !== comparable(draft)) {
        throw new ResumeError(
          `log entry ${entry.seq} does not fit the scenario replay: the log has ${describe(entry)}, the replay produces ${describe(draft)}`,
        );
      }
      matched.push(entry);
      sink.position += 1;
    }
    return matched;
  };
  sink.position = 0;
  return sink;
}

export interface ResumeOptions {
  appVersion?: string;
  /** Where new entries go once the log is replayed (it must already hold `entries`); omit for a read-only replay. */
  writer?: AuditLogWriter;
  /** The actor intents default to afterwards; defaults to the log's creator. */
  actor?: ExerciseActor;
}

/**
 * Rebuilds an exercise from its log: same state as the uninterrupted run at
 * the last entry. Refuses a scenario whose hash differs and any entry that
 * the replay does not reproduce. Uses the protocol and scoring documents the
 * log recorded, not the app's current defaults.
 */
export async function resumeExercise(
  scenario: LoadedScenario,
  entries: readonly LogEntry[],
  options: ResumeOptions = {},
): Promise<ExerciseEngine> {
  const created = readExerciseCreated(entries, scenario);
  const setup = prepareExercise(
    scenario,
    created.app_version,
    { protocol: created.protocol.document, scoring: created.scoring.document },
    {},
    true,
  );
  if (setup.readOnly && options.writer) {
    // Nothing stored is lost, and nothing is re-scored silently: such a log
    // replays as it was recorded, and takes no new entries.
    throw new ReadOnlyExerciseError(setup.readOnly);
  }
  if (setup.protocol.hash !== created.protocol.hash) {
    throw new ResumeError(
      `log entry 1: the protocol document does not hash to the recorded ${created.protocol.hash}`,
    );
  }
  if (setup.scoring.hash !== created.scoring.hash) {
    throw new ResumeError(
      `log entry 1: the scoring document does not hash to the recorded ${created.scoring.hash}`,
    );
  }
  if (options.writer && options.writer.head().seq !== entries.length) {
    throw new ResumeError(
      `the writer holds ${options.writer.head().seq} entries but ${entries.length} are being resumed`,
    );
  }
  const first = entries[0]!;
  const creator: ExerciseActor = {
    name: first.actor,
    role: first.role === 'controller' ? 'controller' : 'operator',
  };
  const sink = replaySink(entries, options.writer);
  const engine = new ExerciseEngine(setup, sink, options.actor ?? creator);
  await engine.begin(creator);
  while (sink.position < entries.length) {
    const entry = entries[sink.position]!;
    const before = sink.position;
    const at = entry.exercise_time === null ? engine.now : Date.parse(entry.exercise_time);
    // Also at the same instant: what falls due at the clock's reading (a
    // party's scripted move, a deadline from the incident already past) is
    // logged before the next intent, as the live engine does at its start.
    if (at >= engine.now) await engine.advanceForReplay(at);
    if (sink.position !== before) continue;
    if (entry.kind === 'export') {
      // An export record may be written by whatever exported the log, at any
      // clock reading: it is kept as logged, not regenerated.
      sink.position += 1;
      engine.acknowledgeReplayed(entry);
      continue;
    }
    if (entry.role === 'system' && !isAutomaticPause(entry) && !isAutomaticSpeed(entry)) {
      throw new ResumeError(
        `log entry ${entry.seq} (${describe(entry)}) is not produced by replaying the scenario`,
      );
    }
    await engine.replayIntent(entry);
    if (sink.position === before) {
      throw new ResumeError(`log entry ${entry.seq} (${describe(entry)}) could not be replayed`);
    }
  }
  return engine;
}
