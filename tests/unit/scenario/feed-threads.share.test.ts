// How `validate` splits feed files between worker threads, and when it does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PARALLEL_MAX_BYTES,
  PARALLEL_MIN_BYTES,
  feedCheckThreads,
  shareFeeds,
} from '../../../shared/node/scenario/worker-dispatcher';

describe('shareFeeds', () => {
  it('gives every feed to exactly one share, each in manifest order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 8 }),
        (sizes, workers) => {
          const shares = shareFeeds(sizes, workers);
          expect(shares.length).toBe(Math.min(workers, sizes.length));
          expect(shares.flat().sort((a, b) => a - b)).toEqual(sizes.map((_, i) => i));
          for (const share of shares) expect([...share].sort((a, b) => a - b)).toEqual(share);
          // Largest-first to the lightest share: no share exceeds the mean by
          // more than the largest single feed.
          const total = sizes.reduce((a, b) => a + b, 0);
          const largest = Math.max(...sizes);
          for (const share of shares) {
            const bytes = share.reduce((sum, i) => sum + sizes[i]!, 0);
            expect(bytes).toBeLessThanOrEqual(total / shares.length + largest);
          }
        },
      ),
    );
  });

  it('leaves a head start to a share that has other work', () => {
    const shares = shareFeeds([10, 10, 10, 10], 2, [20]);
    expect(shares.map((s) => s.length)).toEqual([1, 3]);
  });

  it('balances the feeds of a generated scenario between two threads', () => {
    // MiB per feed of a generated 300,000-event scenario (drone, ground-sensor,
    // inject, observer, open-source, satellite).
    const sizes = [16.3, 35.3, 2.2, 25.5, 8.3, 6.7];
    const shares = shareFeeds(sizes, 2);
    const bytes = shares.map((s) => s.reduce((sum, i) => sum + sizes[i]!, 0));
    expect(Math.abs(bytes[0]! - bytes[1]!)).toBeLessThan(3);
  });
});

describe('feedCheckThreads', () => {
  it('is one thread unless TRUCELINE_VALIDATE_THREADS says otherwise', () => {
    expect(feedCheckThreads(1e8, 8)).toBe(0);
    expect(feedCheckThreads(1e8, 8, ' ')).toBe(0);
    expect(feedCheckThreads(10, 2, '3')).toBe(3);
    expect(feedCheckThreads(1e8, 8, '0')).toBe(0);
  });

  it('"auto" uses every core for large folders, none for small or very large ones or on one core', () => {
    expect(feedCheckThreads(PARALLEL_MIN_BYTES, 4, 'auto')).toBe(4);
    expect(feedCheckThreads(PARALLEL_MAX_BYTES, 4, 'auto')).toBe(4);
    expect(feedCheckThreads(PARALLEL_MIN_BYTES - 1, 4, 'auto')).toBe(0);
    expect(feedCheckThreads(PARALLEL_MAX_BYTES + 1, 4, 'auto')).toBe(0);
    expect(feedCheckThreads(1e8, 1, 'auto')).toBe(0);
  });

  it('refuses anything else', () => {
    expect(() => feedCheckThreads(1, 1, 'two')).toThrow(
      'TRUCELINE_VALIDATE_THREADS must be a whole number >= 0 or "auto", got "two"',
    );
  });
});
