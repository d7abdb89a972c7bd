// The tempo rules kept per exercise are read back member by member: what was
// stored comes back, and a damaged or foreign entry falls back to the default
// rules rather than breaking the console or pausing it for an unknown trigger.
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPO_RULES, type TempoRules } from '../../../renderer/src/console/tempo-rules';
import { parseTempoRules } from '../../../renderer/src/console/use-tempo-rules';

describe('parseTempoRules', () => {
  it('round-trips the rules the controller set', () => {
    const rules: TempoRules = {
      on: ['auto-pause-on-critical', 'tempo-protocol-entry'],
      then: 'pause',
    };
    expect(parseTempoRules(JSON.stringify(rules))).toEqual(rules);
    const slow: TempoRules = { on: ['tempo-deadline-warning'], then: 60 };
    expect(parseTempoRules(JSON.stringify(slow))).toEqual(slow);
    expect(parseTempoRules(JSON.stringify({ on: [], then: 'pause' }))).toEqual({
      on: [],
      then: 'pause',
    });
  });

  it('falls back to the default rules, member by member, on what it cannot read', () => {
    expect(parseTempoRules(null)).toEqual(DEFAULT_TEMPO_RULES);
    expect(parseTempoRules('{oops')).toEqual(DEFAULT_TEMPO_RULES);
    expect(parseTempoRules('42')).toEqual(DEFAULT_TEMPO_RULES);
    expect(
      parseTempoRules(JSON.stringify({ on: ['tempo-protocol-entry', 'format-disk'], then: -3 })),
    ).toEqual({ on: ['tempo-protocol-entry'], then: DEFAULT_TEMPO_RULES.then });
    expect(parseTempoRules(JSON.stringify({ on: 'all', then: 'stop' }))).toEqual(
      DEFAULT_TEMPO_RULES,
    );
  });
});
