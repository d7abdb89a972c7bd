// Entry point of the `truceline` CLI (docs/CLI.md). Commands load lazily so that
// start-up pays only for the command that runs.
import { EXIT, UsageError, err, out, type Command } from './command';

const commands: Record<string, () => Promise<{ command: Command }>> = {
  validate: () => import('./commands/validate'),
  'import-ucdp': () => import('./commands/import-ucdp'),
  rank: () => import('./commands/rank'),
  exercise: () => import('./commands/exercise'),
  keygen: () => import('./commands/keygen'),
  verify: () => import('./commands/verify'),
  report: () => import('./commands/report'),
  generate: () => import('./commands/generate'),
};

const overview = `truceline — headless engine of the Truceline exercise console (EXERCISE use only)

usage: truceline <command> [options]   (truceline <command> --help for details)

commands:
  validate <path>…            check scenario folders, *.scenario.json or feed files
  import-ucdp <csv> --out F   convert a UCDP GED CSV export into an NDJSON feed
  rank <scenario> --at T      ranked alerts at exercise time T
  exercise <scenario> --out F run a whole exercise headless, write a signed log
  keygen --out F              make an Ed25519 key file
  verify <log.json>           verify an exported log
  report <log.json> --scenario P   after-action report of an exported log
  generate --events N --out D write a synthetic scenario folder

exit codes: 0 success, 1 invalid input or failed check, 2 usage error`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out(overview);
    return name ? EXIT.ok : EXIT.usage;
  }
  const load = commands[name];
  if (!load) {
    err(`truceline: unknown command "${name}"\n\n${overview}`);
    return EXIT.usage;
  }
  const { command } = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    out(command.usage);
    return EXIT.ok;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`truceline ${name}: ${error.message}\n\n${command.usage}`);
      return EXIT.usage;
    }
    // Unexpected failures still get one plain line, never a stack trace.
    err(`truceline ${name}: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.TRUCELINE_DEBUG) err(String((error as Error).stack));
    return EXIT.invalid;
  }
}

// A closed pipe (`truceline … | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    err(`truceline: ${String(error)}`);
    process.exitCode = EXIT.invalid;
  },
);
