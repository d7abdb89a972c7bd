// The band vocabularies' orders (shared/alerts/bands.ts), which the protocol's
// entry prompts and the log's severity changes read: for every pair of bands,
// "graver" and "rose" follow the lists' order, most severe (certain) first.
// And which scoring documents are refused as version 1.
import { describe, expect, it } from 'vitest';
import {
  CERTAINTY_BANDS,
  SEVERITIES,
  certaintyRose,
  graverSeverity,
  severityRank,
  severityRose,
} from '../../../shared/alerts/bands';
import { isScoringVersion1 } from '../../../shared/alerts/scoring-v1-refusal';

describe('band orders', () => {
  it('ranks the severities 0 (critical) to 4 (info)', () => {
    expect(SEVERITIES.map(severityRank)).toEqual([0, 1, 2, 3, 4]);
  });

  it('for every pair of severities, the graver is the earlier, and a rise is a move to an earlier one', () => {
    SEVERITIES.forEach((a, i) => {
      SEVERITIES.forEach((b, j) => {
        expect(graverSeverity(a, b), `${a} vs ${b}`).toBe(SEVERITIES[Math.min(i, j)]);
        expect(severityRose(a, b), `${a} → ${b}`).toBe(j < i);
      });
    });
  });

  it('for every pair of certainty bands, a rise is a move to an earlier one (cleared the least certain)', () => {
    CERTAINTY_BANDS.forEach((a, i) => {
      CERTAINTY_BANDS.forEach((b, j) => {
        expect(certaintyRose(a, b), `${a} → ${b}`).toBe(j < i);
      });
    });
  });
});

describe('a version-1 scoring document', () => {
  it('is one that says format truceline-scoring and version 1, nothing else', () => {
    expect(isScoringVersion1({ format: 'truceline-scoring', version: 1 })).toBe(true);
    expect(isScoringVersion1({ format: 'truceline-scoring', version: 2 })).toBe(false);
    expect(isScoringVersion1({ format: 'other-scoring', version: 1 })).toBe(false);
    expect(isScoringVersion1({ version: 1 })).toBe(false);
  });

  it('is never null, a list or a plain value, whatever they carry', () => {
    expect(isScoringVersion1(null)).toBe(false);
    expect(isScoringVersion1(undefined)).toBe(false);
    expect(isScoringVersion1('truceline-scoring')).toBe(false);
    expect(isScoringVersion1(1)).toBe(false);
    const list = Object.assign([], { format: 'truceline-scoring', version: 1 });
    expect(isScoringVersion1(list)).toBe(false);
  });
});
