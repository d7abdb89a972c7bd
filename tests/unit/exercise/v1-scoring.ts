// The version-1 scoring model as a log of the version-1 code recorded it
// (tests/fixtures/logs/v1-small.json, see v1-log.read-only.test.ts): what an
// exercise may open read-only from a log and must refuse for a new exercise.
import { readFileSync } from 'node:fs';

export function v1ScoringDocument(): unknown {
  const bundle = JSON.parse(readFileSync('tests/fixtures/logs/v1-small.json', 'utf8')) as {
    entries: { data: { scoring: { document: unknown } } }[];
  };
  return bundle.entries[0]!.data.scoring.document;
}
