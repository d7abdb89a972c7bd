import { EXIT, UsageError, err, out, parseCommandArgs, type Command } from '../command';
import { writeGeneratedScenario } from '../../scenario/write-generated';

const usage = `usage: truceline generate --events N [--seed S] [--hours H] --out <dir>

Writes a synthetic, valid scenario folder of N events (scenario.json,
zones.geojson, sensors.json, NDJSON feeds under feeds/), the same bytes for
the same N, seed and hours. For load tests and benchmarks. EXERCISE data only.

options:
  --events N   number of events (1 to 5,000,000)
  --seed S     whole number, default 1
  --hours H    length of the exercise window, default 72
  --out DIR    a new or empty folder`;

function wholeNumber(
  name: string,
  text: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return Number(text);
}

export const command: Command = {
  name: 'generate',
  summary: 'write a synthetic scenario folder',
  usage,
  async run(argv) {
    const { values } = parseCommandArgs(
      argv,
      {
        events: { type: 'string' },
        seed: { type: 'string' },
        hours: { type: 'string' },
        out: { type: 'string' },
      },
      false,
    );
    const events = wholeNumber('events', values.events, 1, 5_000_000);
    if (events === undefined) throw new UsageError('--events is required');
    if (!values.out) throw new UsageError('--out is required');
    const seed = wholeNumber('seed', values.seed, 0, 2 ** 32 - 1) ?? 1;
    const hours = wholeNumber('hours', values.hours, 1, 24 * 366) ?? 72;
    const started = performance.now();
    try {
      const { feeds, counts } = await writeGeneratedScenario(values.out, { events, seed, hours });
      feeds.forEach((f, i) => out(`${f}: ${counts[i]} events`));
      out(
        `wrote ${events} events to ${values.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      return EXIT.ok;
    } catch (error) {
      err(`truceline generate: ${(error as Error).message}`);
      return EXIT.invalid;
    }
  },
};
