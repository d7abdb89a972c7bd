// Writes a generated scenario as a folder, streaming the feeds so that millions
// of events need only a few megabytes of memory.
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { generateScenario, type GenerateOptions } from '../../scenario/generate';

const FLUSH_CHARS = 1 << 20;

/** Generates and writes a scenario folder; returns events written per feed. */
export async function writeGeneratedScenario(
  dir: string,
  options: GenerateOptions,
): Promise<{ feeds: string[]; counts: number[] }> {
  const scenario = generateScenario(options);
  await mkdir(join(dir, 'feeds'), { recursive: true });
  const existing = (await readdir(dir)).filter((f) => f !== 'feeds');
  if (existing.length > 0 || (await readdir(join(dir, 'feeds'))).length > 0) {
    throw new Error(`${dir} is not empty; generate writes into a new or empty folder`);
  }
  await writeFile(join(dir, 'scenario.json'), `${JSON.stringify(scenario.manifest, null, 2)}\n`);
  await writeFile(join(dir, 'zones.geojson'), `${JSON.stringify(scenario.zones)}\n`);
  await writeFile(join(dir, 'sensors.json'), `${JSON.stringify(scenario.sensors, null, 2)}\n`);
  const streams: WriteStream[] = scenario.feeds.map((f) => createWriteStream(join(dir, f)));
  const buffers = scenario.feeds.map(() => '');
  const counts = scenario.feeds.map(() => 0);
  const flush = async (i: number) => {
    const ok = streams[i]!.write(buffers[i]!);
    buffers[i] = '';
    if (!ok) await once(streams[i]!, 'drain');
  };
  for (const { feed, event } of scenario.events()) {
    buffers[feed] += `${JSON.stringify(event)}\n`;
    counts[feed]!++;
    if (buffers[feed]!.length >= FLUSH_CHARS) await flush(feed);
  }
  for (let i = 0; i < streams.length; i++) {
    await flush(i);
    const stream = streams[i]!;
    stream.end();
    await once(stream, 'finish');
  }
  return { feeds: scenario.feeds, counts };
}
