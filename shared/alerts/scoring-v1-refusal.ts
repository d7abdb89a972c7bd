// Why a version-1 scoring document is refused, in one place: the model loader
// and the scenario loader both say it (docs/ALERTS-AND-SEVERITY.md, "Model as
// data"). No imports, so the scenario loader (and its worker threads) can say
// it without loading the scorer.

/** True for a document that claims to be a version-1 `truceline-scoring` model. */
export function isScoringVersion1(document: unknown): boolean {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return false;
  const d = document as { format?: unknown; version?: unknown };
  return d.format === 'truceline-scoring' && d.version === 1;
}

/** The message of the refusal: what changed, and how to convert. */
export const SCORING_VERSION_1_REFUSED =
  'version 1 of the scoring model is no longer read. Version 2 replaces the one mixed score with ' +
  'two measures: gravity (how serious if true: act, weapon, place of the weapon, fire in ' +
  'separation zones, fire on protected places, harm, attacks on the mission, scale) and ' +
  'certainty (how sure: confidence, agreeing source kinds, source reliability, precision, ' +
  'assessments). To convert, start from the built-in version-2 model (shared/alerts/' +
  'builtin-scoring.json, also recorded in every exercise log) and carry your weights over: ' +
  'event_types[*].base -> event_types[*].act; weapons.classes -> weapons.classes (add ' +
  'place_weight); zone_breach -> place_of_weapon and separation_fire; casualties -> harm; ' +
  'settlement -> protected_places; line_of_contact stays; corroboration and confidence -> ' +
  'certainty (sources, agreement); persistence -> sustained (capped). Set "version": 2. ' +
  'Exercises already stored with a version-1 model still open, read-only.';
