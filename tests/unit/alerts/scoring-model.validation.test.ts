import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AlertEngine } from '../../../shared/alerts/alert-engine';
import {
  BUILTIN_SCORING_HASH,
  BUILTIN_SCORING_MODEL,
  formatScoringProblem,
  parseScoringModel,
  scoringModelForScenario,
} from '../../../shared/alerts/scoring-model';
import { lineIncidents } from './fixtures/line-incidents';

const builtinText = readFileSync(
  new URL('../../../shared/alerts/builtin-scoring.json', import.meta.url),
  'utf8',
);

function errors(document: unknown): string[] {
  const parsed = parseScoringModel(document, 'scoring.json');
  return parsed.ok ? [] : parsed.problems.map(formatScoringProblem);
}

describe('scoring model as data', () => {
  it('ships a valid built-in model whose hash is the SHA-256 of its JCS form', () => {
    const expected = createHash('sha256')
      .update(canonicalize(JSON.parse(builtinText))!)
      .digest('hex');
    expect(BUILTIN_SCORING_HASH).toBe(expected);
    expect(BUILTIN_SCORING_MODEL.correlation).toEqual({
      window_min: 60,
      radius_km: 10,
      quiet_min: 180,
    });
  });

  it('refuses an invalid model with <file>:<json-pointer>: <message> errors', () => {
    const bad = structuredClone(JSON.parse(builtinText));
    bad.correlation.radius_km = -3;
    bad.event_types['mlrs-fire'].evidence = 0;
    bad.weapons.classes.laser = { label: 'Laser', points: 3 };
    const found = errors(bad);
    expect(found).toContain(
      'scoring.json:/correlation/radius_km: Too small: expected number to be >0',
    );
    expect(found.some((e) => e.startsWith('scoring.json:/event_types/mlrs-fire/evidence: '))).toBe(
      true,
    );
    expect(found).toContain('scoring.json:/weapons/classes: Unrecognized key: "laser"');
  });

  it('refuses weights that would let one event reach 100 or a lone weak detection reach medium', () => {
    const greedy = structuredClone(JSON.parse(builtinText));
    greedy.zone_breach.prohibited_class = 60;
    expect(errors(greedy).join('\n')).toMatch(
      /^scoring\.json:: a single event can reach \d+\.\d: one uncorroborated event must stay below 100/m,
    );
    const noisy = structuredClone(JSON.parse(builtinText));
    noisy.event_types['thermal-hotspot'].evidence = 1;
    expect(errors(noisy)).toEqual([
      expect.stringMatching(
        /^scoring\.json:\/event_types\/thermal-hotspot: a lone thermal-hotspot below confidence 0\.4 can reach/,
      ),
    ]);
  });

  it("replaces the built-in model whole with the scenario's, rules included", () => {
    expect(scoringModelForScenario(null)).toMatchObject({ ok: true, hash: BUILTIN_SCORING_HASH });
    const custom = structuredClone(JSON.parse(builtinText));
    custom.id = 'tight';
    custom.correlation.radius_km = 1;
    const parsed = scoringModelForScenario(custom);
    if (!parsed.ok) throw new Error('custom model refused');
    expect(parsed.hash).not.toBe(BUILTIN_SCORING_HASH);
    const scenario = lineIncidents();
    const loose = new AlertEngine({ model: BUILTIN_SCORING_MODEL, zones: scenario.zones });
    const tight = new AlertEngine({ model: parsed.model, zones: scenario.zones });
    for (const e of scenario.events) {
      loose.addEvent(e);
      tight.addEvent(e);
    }
    // Satellite and drone saw the MLRS 1.3 km apart: one alert at 10 km, two at 1 km.
    expect(loose.get('A-sat-0001')!.eventIds).toHaveLength(2);
    expect(tight.get('A-sat-0001')!.eventIds).toHaveLength(1);
    expect(scoringModelForScenario({ format: 'nope' }, 'feeds/scoring.json')).toMatchObject({
      ok: false,
    });
  });
});
