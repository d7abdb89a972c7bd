import { describe, expect, it } from 'vitest';
import { SOURCES } from '../../../shared/scenario/schema';
import { SOURCE_LABELS, sourceLabel } from '../../../renderer/src/ui/source-labels';

describe('source labels', () => {
  it('name every source kind, on their own and within a sentence', () => {
    expect(Object.keys(SOURCE_LABELS).sort()).toEqual([...SOURCES].sort());
    expect(SOURCES.map(sourceLabel)).toEqual([
      'satellite',
      'drone',
      'ground sensor',
      'observer',
      'open source',
      'controller inject',
    ]);
  });
});
