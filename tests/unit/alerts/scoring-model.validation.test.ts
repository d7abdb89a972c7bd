import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCORING_VERSION_1_REFUSED } from '../../../shared/alerts/scoring-v1-refusal';
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

  it('is version 2 of truceline-scoring', () => {
    expect(BUILTIN_SCORING_MODEL).toMatchObject({ format: 'truceline-scoring', version: 2 });
  });

  it('refuses an invalid model with <file>:<json-pointer>: <message> errors', () => {
    const bad = structuredClone(JSON.parse(builtinText));
    bad.correlation.radius_km = -3;
    bad.event_types['mlrs-fire'].role = 'boom';
    bad.weapons.classes.laser = { label: 'Laser', points: 3, place_weight: 1 };
    bad.certainty.sources['open-source'].reliability = 1.5;
    const found = errors(bad);
    expect(found).toContain(
      'scoring.json:/correlation/radius_km: Too small: expected number to be >0',
    );
    expect(found.some((e) => e.startsWith('scoring.json:/event_types/mlrs-fire/role: '))).toBe(
      true,
    );
    expect(found).toContain('scoring.json:/weapons/classes: Unrecognized key: "laser"');
    expect(
      found.some((e) => e.startsWith('scoring.json:/certainty/sources/open-source/reliability: ')),
    ).toBe(true);
    // Inlined in a manifest, the pointers start at /scoring.
    const inline = parseScoringModel(bad, 'scenario.json', ['scoring']);
    expect(inline.ok || inline.problems[0]!.pointer.startsWith('/scoring/')).toBe(true);
  });

  it('refuses a version-1 model, saying what changed and how to convert it', () => {
    const v1 = { format: 'truceline-scoring', version: 1, id: 'x', title: 'x' };
    expect(errors(v1)).toEqual([`scoring.json:/version: ${SCORING_VERSION_1_REFUSED}`]);
    expect(SCORING_VERSION_1_REFUSED).toMatch(/gravity.*certainty.*To convert.*"version": 2/s);
  });

  it('refuses weights that would break the invariants: small arms reaching high, a lone weak detection reaching medium, compliance above info', () => {
    const greedy = structuredClone(JSON.parse(builtinText));
    greedy.event_types['small-arms-fire'].act = 30;
    expect(errors(greedy)).toEqual([
      expect.stringMatching(
        /^scoring\.json:\/event_types\/small-arms-fire: small-arms fire without casualties can reach \d+\.\d: it must stay below 60 \(high\)/,
      ),
    ]);
    const noisy = structuredClone(JSON.parse(builtinText));
    noisy.event_types['thermal-hotspot'].act = 36;
    expect(errors(noisy)).toEqual([
      expect.stringMatching(
        /^scoring\.json:\/event_types\/thermal-hotspot: a lone thermal-hotspot can reach 42\.0: it must stay below 40/,
      ),
    ]);
    const armed = structuredClone(JSON.parse(builtinText));
    armed.event_types['uav-overflight'].role = 'strike';
    expect(errors(armed)[0]).toMatch(
      /^scoring\.json:\/event_types\/uav-overflight\/role: must be "detection"/,
    );
    const loud = structuredClone(JSON.parse(builtinText));
    loud.compliant.act = 20;
    expect(errors(loud)).toEqual([
      'scoring.json:/compliant/act: a compliance observation scores 20: it must stay below 20 (info) (invariant 9)',
    ]);
    const unknownType = structuredClone(JSON.parse(builtinText));
    unknownType.certainty.compatibility.fire.push('artilery-fire');
    expect(errors(unknownType)).toEqual([
      `scoring.json:/certainty/compatibility/fire/${unknownType.certainty.compatibility.fire.length - 1}: "artilery-fire" is not an event type`,
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
