import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sealBatch, type EntryDraft, type LogEntry } from '../../../shared/audit';
import { EMPTY_CHAIN, extendChainStatus } from '../../../renderer/src/log/live-chain';
import { filterLogEntries, logFacets, NO_FILTER } from '../../../renderer/src/log/log-filter';

const draft = (i: number): EntryDraft => ({
  exercise_time: new Date(Date.UTC(2026, 2, 1, 0, i)).toISOString(),
  actor: i % 3 === 0 ? 'system' : i % 3 === 1 ? 'Ana' : 'Ben',
  role: i % 3 === 0 ? 'system' : 'operator',
  kind: ['alert-opened', 'ack', 'protocol-action', 'note'][i % 4]!,
  ...(i % 2 === 0 ? { alert_id: `A-${i % 5}` } : {}),
  data: { i },
});
const chain = (n: number): LogEntry[] =>
  sealBatch(
    Array.from({ length: n }, (_, i) => draft(i)),
    null,
    'ex-1',
    '2026-11-26T10:00:00.000Z',
  );

describe('log filter', () => {
  const entries = chain(40);
  it('keeps everything with no filter and combines criteria with AND', () => {
    expect(filterLogEntries(entries, NO_FILTER)).toHaveLength(40);
    const f = { ...NO_FILTER, kind: 'alert-opened', actor: 'system' };
    const shown = filterLogEntries(entries, f);
    expect(shown.length).toBeGreaterThan(0);
    for (const e of shown) expect([e.kind, e.actor]).toEqual(['alert-opened', 'system']);
    expect(shown).toEqual(entries.filter((e) => e.kind === 'alert-opened' && e.actor === 'system'));
  });
  it('bounds exercise time inclusively', () => {
    const from = Date.UTC(2026, 2, 1, 0, 10);
    const to = Date.UTC(2026, 2, 1, 0, 19);
    expect(filterLogEntries(entries, { ...NO_FILTER, from, to }).map((e) => e.seq)).toEqual(
      Array.from({ length: 10 }, (_, i) => i + 11),
    );
  });
  it('lists the distinct kinds, alerts and actors sorted', () => {
    const facets = logFacets(entries);
    expect(facets.kinds).toEqual(['ack', 'alert-opened', 'note', 'protocol-action']);
    expect(facets.actors).toEqual(['Ana', 'Ben', 'system']);
    expect(facets.alertIds).toEqual(['A-0', 'A-1', 'A-2', 'A-3', 'A-4']);
  });
});

describe('live chain status', () => {
  it('reaches the same head however the log arrives in pieces', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.integer({ min: 1, max: 7 })),
        (n, cuts) => {
          const entries = chain(n);
          let status = EMPTY_CHAIN;
          let at = 0;
          for (const cut of [...cuts, n]) {
            const next = Math.min(n, at + cut);
            status = extendChainStatus(status, entries.slice(at, next));
            at = next;
          }
          expect(status).toEqual({ ok: true, count: n, headHash: entries[n - 1]!.hash });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('names the first altered, missing or relinked entry by its position', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 25 }),
        fc.nat(),
        fc.constantFrom('edit', 'drop', 'relink'),
        (n, pick, how) => {
          const entries = chain(n).map((e) => ({ ...e }));
          const k = pick % n;
          if (how === 'edit') entries[k]!.actor = 'Mallory';
          else if (how === 'drop') entries.splice(k, 1);
          else entries[k]!.prev_hash = 'f'.repeat(64);
          const status = extendChainStatus(EMPTY_CHAIN, entries);
          if (how === 'drop' && k === n - 1) {
            expect(status.ok).toBe(true);
            return;
          }
          expect(status.ok).toBe(false);
          if (!status.ok) expect(status.seq).toBe(k + 1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
