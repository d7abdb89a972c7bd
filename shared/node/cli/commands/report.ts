// `truceline report <log.json> --scenario <path> [--format md|json]` (docs/CLI.md).
import { readFile } from 'node:fs/promises';
import { ExportedLogRefused, readExportedLog } from '../../../audit/read-exported-log';
import { ResumeError } from '../../../exercise/exercise-session';
import { ExerciseSetupError } from '../../../exercise/exercise-setup';
import { buildAfterActionReport } from '../../../report/after-action-report';
import { reportToMarkdown } from '../../../report/report-markdown';
import { EXIT, UsageError, err, out, parseCommandArgs, type Command } from '../command';
import { loadScenarioForCommand } from './exercise';

const usage = `usage: truceline report <log.json> --scenario <path> [--format md|json]

The after-action report of an exported log (HSEEP style): time to
acknowledge, to notify and to consult per severity (median, mean, max),
deadlines met and breached per protocol step, false alarms closed correctly
or escalated and real violations missed against the scenario's ground truth,
the scripted injects with the alerts they were linked to, a timeline of key
decisions, strengths and areas for improvement.

The log is read and verified first, exactly as verify does: a tampered or
invalid log is refused; an unsigned one (no signature, or signature null) is
reported with a warning, and so are top-level members the format does not
define, which are ignored. The scenario must be the one the log was made
with (same content hash), else the report is refused. The exercise is
rebuilt from the log, and every system entry is checked against the replay.

options:
  --scenario <path>   the scenario folder or *.scenario.json (required)
  --format md|json    Markdown (default, marked EXERCISE) or the JSON report

exit codes: 0 report written, 1 invalid log, tampered log or wrong scenario, 2 usage error`;

export const command: Command = {
  name: 'report',
  summary: 'after-action report of an exported log',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      scenario: { type: 'string' },
      format: { type: 'string', default: 'md' },
    });
    if (positionals.length !== 1) throw new UsageError('name exactly one exported log');
    if (!values.scenario) throw new UsageError('--scenario <path> is required');
    if (values.format !== 'md' && values.format !== 'json') {
      throw new UsageError(`--format "${values.format}": use md or json`);
    }
    const logPath = positionals[0]!;
    let bytes: Uint8Array;
    try {
      bytes = await readFile(logPath);
    } catch (error) {
      err(
        `${logPath}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
      return EXIT.invalid;
    }
    let read;
    try {
      read = await readExportedLog(bytes);
    } catch (error) {
      if (error instanceof ExportedLogRefused) {
        err(`${logPath}: ${error.message}`);
        return EXIT.invalid;
      }
      throw error;
    }
    const { result, bundle } = read;
    if (result.status === 'UNSIGNED') err(`warning: ${logPath}: ${result.line}`);
    for (const name of result.ignoredMembers ?? []) {
      err(
        `warning: ${logPath}: top-level member ${JSON.stringify(name)} is not part of the log format and no signature covers it; ignored`,
      );
    }
    const scenario = await loadScenarioForCommand(values.scenario);
    if (!scenario) return EXIT.invalid;
    if (bundle.exercise.scenario_hash !== scenario.hash) {
      err(
        `${values.scenario}: scenario hash ${scenario.hash} is not the log's ${bundle.exercise.scenario_hash} (scenario "${bundle.exercise.scenario_id}"): refusing to report against a different scenario`,
      );
      return EXIT.invalid;
    }
    let report;
    try {
      report = await buildAfterActionReport({
        scenario,
        entries: bundle.entries,
        keyId: bundle.signature?.key_id ?? null,
      });
    } catch (error) {
      if (error instanceof ResumeError || error instanceof ExerciseSetupError) {
        err(`${logPath}: ${error.message}`);
        return EXIT.invalid;
      }
      throw error;
    }
    out(values.format === 'json' ? JSON.stringify(report, null, 2) : reportToMarkdown(report));
    return EXIT.ok;
  },
};
