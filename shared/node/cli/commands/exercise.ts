// `truceline exercise <scenario> --out <log.json> [--until T] [--policy auto]
// [--key <file>] [--actor NAME] [--protocol v1|v2|<file>]` (docs/CLI.md): a whole exercise, headless, written
// as a signed export bundle.
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { buildExportBundle } from '../../../audit/bundle';
import { MemoryAuditLog } from '../../../audit/memory-log';
import {
  generateSigningKey,
  signerFromKeyFile,
  signerFromKeyPair,
  type LogSigner,
} from '../../../audit/signing';
import { createAutoOperator } from '../../../exercise/auto-operator';
import { createAutoOperatorV2 } from '../../../exercise/auto-operator-v2';
import { BUILTIN_PROTOCOL, BUILTIN_PROTOCOL_V2 } from '../../../protocol/builtin-protocol';
import { createSimCell } from '../../../exercise/sim-cell';
import {
  ExerciseSetupError,
  isProtocolV2,
  prepareExercise,
  type DocumentLocation,
} from '../../../exercise/exercise-setup';
import { runHeadlessExercise } from '../../../exercise/run-headless';
import { formatDiagnostic } from '../../../scenario/diagnostics';
import type { LoadedScenario } from '../../../scenario/loaded-scenario';
import { isoDateTime } from '../../../scenario/schema';
import { loadScenarioFromPath } from '../../scenario/load-path';
import packageJson from '../../../../package.json';
import { EXIT, UsageError, err, out, parseCommandArgs, type Command } from '../command';

const usage = `usage: truceline exercise <scenario> --out <log.json> [--until <ISO time>]
                          [--policy auto] [--key <file>] [--actor NAME]
                          [--protocol v1|v2|<file>] [--json]

Runs a whole exercise headless on the scenario (folder or *.scenario.json)
and writes its log as a signed export bundle (docs/AUDIT-LOG.md).

The "auto" policy plays a diligent but human operator. It sees only what an
operator sees (never an event's truth, expected_action or incident) and works one alert
at a time, earliest deadline first, after realistic delays on the exercise
clock: a minute to acknowledge, 3–6 min to read and triage, 15–55 min for a
verification sortie or patrol, liaison officers answering the hotline within
minutes (a few take over half an hour: the 30-min notify deadline is then
breached and the alert escalates to consultation), explanations in 6–60 h,
meetings in 3–28 h. Its evidence rule reads each alert's gravity and
certainty: an alert a report on the ground cleared, or one below 0.35
certainty and 40 gravity with no harm and no attack on the mission, is closed
as a false alarm (low alerts too, when the queue is clear); one at probable
certainty (0.6) or more with gravity 40 or more, harm, a prohibited weapon or
an attack on the mission is escalated at once; anything else is verified
first, then confirmed (if it became so) or watched for 6 h. Replies are drawn
deterministically from the alert and step, so the same scenario always plays
the same way.

options:
  --out <file>      the export bundle to write (required; replaced atomically)
  --until <T>       stop at exercise time T (default: the scenario end)
  --policy auto     the operator policy (only "auto" exists)
  --key <file>      sign with a key file made by "truceline keygen"; without
                    it an ephemeral key is made and its public key printed
  --actor NAME      the operator's name in the log (default "auto-operator")
  --protocol P      run on the built-in protocol of format version 1 ("v1") or
                    2 ("v2", parallel tracks; the parties' moves then come from
                    the scenario's party script), or on a protocol file,
                    instead of the scenario's own or the default one
  --json            print a JSON summary instead of text

exit codes: 0 written, 1 invalid scenario, key or write failure, 2 usage error`;

/** Loads a scenario package for a command, printing its diagnostics; null if refused. */
export async function loadScenarioForCommand(path: string): Promise<LoadedScenario | null> {
  const loaded = await loadScenarioFromPath(path);
  for (const w of loaded.warnings) err(`warning: ${formatDiagnostic(w)}`);
  if (!loaded.ok) {
    for (const e of loaded.errors) err(formatDiagnostic(e));
    return null;
  }
  if (loaded.kind !== 'scenario') {
    err(
      `${path}: a feed file alone has no zones or time window: name a scenario folder or *.scenario.json`,
    );
    return null;
  }
  return loaded.scenario;
}

/** Where the scenario's protocol and scoring documents are, for located errors. */
export async function documentLocations(
  path: string,
): Promise<Partial<Record<'protocol' | 'scoring', DocumentLocation>>> {
  const manifest = (await stat(path)).isDirectory() ? join(path, 'scenario.json') : path;
  const locations: Partial<Record<'protocol' | 'scoring', DocumentLocation>> = {};
  try {
    const parsed = JSON.parse(await readFile(manifest, 'utf8')) as Record<string, unknown>;
    for (const key of ['protocol', 'scoring'] as const) {
      const value = parsed[key];
      if (typeof value === 'string') locations[key] = { file: value, base: [] };
      else if (value !== undefined) locations[key] = { file: basename(manifest), base: [key] };
    }
  } catch {
    // The loader already accepted the package; errors then name the default files.
  }
  return locations;
}

/** Writes a file atomically: temp file, fsync, rename. */
export function writeFileAtomic(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const fd = openSync(temp, 'w', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temp);
    throw error;
  }
  closeSync(fd);
  renameSync(temp, path);
}

/** The app version recorded in logs. */
export const APP_VERSION = `truceline ${packageJson.version}`;

export const command: Command = {
  name: 'exercise',
  summary: 'run a whole exercise headless, write a signed log',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      out: { type: 'string' },
      until: { type: 'string' },
      policy: { type: 'string', default: 'auto' },
      key: { type: 'string' },
      actor: { type: 'string', default: 'auto-operator' },
      json: { type: 'boolean', default: false },
      protocol: { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError('name exactly one scenario');
    if (!values.out) throw new UsageError('--out <log.json> is required');
    if (values.policy !== 'auto')
      throw new UsageError(`--policy "${values.policy}": the only policy is "auto"`);
    if (values.actor.trim() === '' || values.actor === 'system') {
      throw new UsageError('--actor must name a person (not empty, not "system")');
    }
    let until: number | undefined;
    if (values.until !== undefined) {
      if (!isoDateTime.safeParse(values.until).success) {
        throw new UsageError(
          `--until "${values.until}" is not an ISO 8601 time with Z or an offset`,
        );
      }
      until = Date.parse(values.until);
    }

    let signer: LogSigner;
    if (values.key) {
      let text: string;
      try {
        text = await readFile(values.key, 'utf8');
      } catch (error) {
        err(
          `${values.key}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
        );
        return EXIT.invalid;
      }
      try {
        signer = await signerFromKeyFile(text, values.key);
      } catch (error) {
        err((error as Error).message);
        return EXIT.invalid;
      }
    } else {
      signer = await signerFromKeyPair(await generateSigningKey());
    }

    const scenario = await loadScenarioForCommand(positionals[0]!);
    if (!scenario) return EXIT.invalid;
    if (until !== undefined && (until < scenario.start || until > scenario.end)) {
      err(
        `--until ${values.until} is outside the scenario (${new Date(scenario.start).toISOString()} – ${new Date(scenario.end).toISOString()})`,
      );
      return EXIT.invalid;
    }
    const locations = await documentLocations(positionals[0]!);
    let protocol: unknown;
    if (values.protocol === 'v1') protocol = BUILTIN_PROTOCOL.document;
    else if (values.protocol === 'v2') protocol = BUILTIN_PROTOCOL_V2.document;
    else if (values.protocol !== undefined) {
      try {
        protocol = JSON.parse(await readFile(values.protocol, 'utf8'));
      } catch (error) {
        err(
          `${values.protocol}: cannot be read as JSON (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
        );
        return EXIT.invalid;
      }
      locations.protocol = { file: values.protocol, base: [] };
    }
    let setup;
    try {
      setup = prepareExercise(
        scenario,
        APP_VERSION,
        protocol === undefined ? {} : { protocol },
        locations,
      );
    } catch (error) {
      if (error instanceof ExerciseSetupError) {
        err(error.message);
        return EXIT.invalid;
      }
      throw error;
    }

    const actor = { name: values.actor, role: 'operator' as const };
    const exerciseId = `${scenario.id}-auto-${scenario.hash.slice(0, 8)}`;
    const log = new MemoryAuditLog(exerciseId);
    const started = performance.now();
    const engine = await runHeadlessExercise({
      setup,
      log,
      policy: isProtocolV2(setup.protocol)
        ? createAutoOperatorV2(actor, createSimCell())
        : createAutoOperator(actor, createSimCell()),
      ...(until !== undefined ? { until } : {}),
    });
    await engine.recordExport({ format: 'truceline-log', key_id: signer.keyId }, actor);
    const entries = log.entries();
    const bundle = await buildExportBundle({
      exercise: {
        id: exerciseId,
        title: scenario.title,
        classification: scenario.classification,
        scenario_id: scenario.id,
        scenario_hash: scenario.hash,
        scoring_hash: setup.scoring.hash,
        protocol_hash: setup.protocol.hash,
        created: entries[0]!.wall_time,
        app_version: APP_VERSION,
      },
      entries,
      signer,
    });
    try {
      writeFileAtomic(values.out, `${JSON.stringify(bundle, null, 1)}\n`);
    } catch (error) {
      err(
        `${values.out}: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
      return EXIT.invalid;
    }
    const elapsedMs = Math.round(performance.now() - started);
    const count = (kind: string) => entries.filter((e) => e.kind === kind).length;
    const alerts = engine.getSnapshot().alerts;
    const summary = {
      file: values.out,
      exercise_id: exerciseId,
      entries: entries.length,
      head: bundle.head.final_hash,
      key_id: signer.keyId,
      public_key: signer.publicKeyBase64,
      ephemeral_key: !values.key,
      alerts: alerts.length,
      alerts_in_protocol: alerts.filter((a) => a.protocol !== null || engine.runOf(a.id)).length,
      alerts_closed: alerts.filter((a) => a.closed).length,
      deadline_breaches: count('deadline-breach'),
      elapsed_ms: elapsedMs,
    };
    if (values.json) {
      out(JSON.stringify(summary));
    } else {
      out(`${scenario.classification} — ${scenario.title}`);
      out(
        `wrote ${values.out}: ${entries.length} entries, head ${bundle.head.final_hash}, key ${signer.keyId}`,
      );
      if (!values.key)
        out(`ephemeral public key: ${signer.publicKeyBase64} (save it to verify this log)`);
      out(
        `alerts: ${summary.alerts} (${summary.alerts_in_protocol} in protocol, ${summary.alerts_closed} closed), deadline breaches: ${summary.deadline_breaches}, ${elapsedMs} ms`,
      );
    }
    return EXIT.ok;
  },
};
