// Reading an exported log for use: what is read is exactly what was verified.
import { describe, expect, test } from 'vitest';
import {
  MemoryAuditLog,
  buildExportBundle,
  findChainFailure,
  readExportedLog,
} from '../../../shared/audit';
import { DRAFTS, EXERCISE, steppingClock } from './log-fixture';

describe('readExportedLog', () => {
  test('keeps a "__proto__" member of entry data as an own member, so the entries read still hash as verified', async () => {
    const log = new MemoryAuditLog(EXERCISE.id, { now: steppingClock() });
    await log.append([DRAFTS[0]!]);
    const data = JSON.parse('{"__proto__":{"x":1},"text":"odd but valid"}') as Record<
      string,
      unknown
    >;
    await log.append([{ ...DRAFTS[5]!, data }]);
    const text = JSON.stringify(
      await buildExportBundle({ exercise: EXERCISE, entries: log.entries() }),
    );
    expect(text).toContain('"__proto__":{"x":1}');
    const { result, bundle } = await readExportedLog(new TextEncoder().encode(text));
    expect(result.status).toBe('UNSIGNED');
    const read = bundle.entries[1]!.data;
    expect(Object.keys(read)).toEqual(['__proto__', 'text']);
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(findChainFailure(bundle.entries as unknown as Record<string, unknown>[])).toBeNull();
  });
});
