// Loads one scenario in a process of its own and prints that process's peak
// memory, so that the ingest bench can report a load's memory without the
// heap its floor measurement left behind.
import { loadScenarioFromPath } from '../../shared/node/scenario/load-path';

const path = process.argv[2];
if (!path) throw new Error('usage: load-once <scenario path>');
const result = await loadScenarioFromPath(path);
if (!result.ok || result.kind !== 'scenario') throw new Error(`${path} did not load`);
// resourceUsage().maxRSS is in KiB.
console.log(
  JSON.stringify({
    events: result.scenario.events.length,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  }),
);
