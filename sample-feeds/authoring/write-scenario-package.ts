// Writes a scenario folder deterministically: JSON with two-space indents and
// a final newline, NDJSON in time order (as the loader expects; it sorts for replay), CSV quoted per RFC 4180 with CRLF.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { byTime, toEvent, type EventDraft } from './event-draft';

export interface PackageFiles {
  manifest: Record<string, unknown>;
  zones: { type: string; features: unknown[] };
  sensors: unknown[];
  /** NDJSON feeds: path relative to the package, drafts in any order. */
  feeds: { path: string; drafts: EventDraft[] }[];
  msel: { path: string; header: string[]; rows: string[][] };
  briefing: string;
  /** Controller-only party script, written as its own file (not shown to players). */
  partyScript?: { path: string; script: unknown };
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes every file of the package under dir, returning the paths written (relative). */
export function writeScenarioPackage(dir: string, files: PackageFiles): string[] {
  const written: string[] = [];
  const write = (path: string, text: string) => {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    written.push(path);
  };
  write('scenario.json', `${JSON.stringify(files.manifest, null, 2)}\n`);
  write('zones.geojson', featureCollectionText(files.zones));
  write('sensors.json', `${JSON.stringify(files.sensors, null, 2)}\n`);
  for (const feed of files.feeds) {
    const lines = [...feed.drafts].sort(byTime).map((d) => JSON.stringify(toEvent(d)));
    write(feed.path, `${lines.join('\n')}\n`);
  }
  const csv = [files.msel.header, ...files.msel.rows]
    .map((row) => row.map(csvField).join(','))
    .join('\r\n');
  write(files.msel.path, `${csv}\r\n`);
  write('briefing.md', files.briefing);
  if (files.partyScript) {
    write(files.partyScript.path, `${JSON.stringify(files.partyScript.script, null, 2)}\n`);
  }
  return written;
}

/** Writes the package and prints what was written, as every build script does. */
export function writePackageAndReport(outDir: string, files: PackageFiles): void {
  const written = writeScenarioPackage(outDir, files);
  const total = files.feeds.reduce((n, f) => n + f.drafts.length, 0) + files.msel.rows.length;
  process.stdout.write(
    `${outDir}: ${written.length} files, ${total} events (${files.feeds
      .map((f) => `${f.path} ${f.drafts.length}`)
      .join(', ')}, ${files.msel.path} ${files.msel.rows.length})\n`,
  );
}

/** One feature a line: readable in a diff, not thousands of lines of coordinates. */
function featureCollectionText(zones: { type: string; features: unknown[] }): string {
  const features = zones.features.map((f) => `    ${JSON.stringify(f)}`).join(',\n');
  return `{\n  "type": "${zones.type}",\n  "features": [\n${features}\n  ]\n}\n`;
}
