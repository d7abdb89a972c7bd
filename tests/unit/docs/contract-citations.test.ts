// The repository carries its own contracts (docs/): a comment that cites one
// must name a file a clone has, and nothing may reach outside the clone for
// them (the inputs they were written from are not part of it).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
  .split('\0')
  .filter((f) => f !== '' && existsSync(join(root, f)));
const SOURCE = /\.(ts|tsx|mjs|cjs|js)$/;
const THIS_FILE = 'tests/unit/docs/contract-citations.test.ts';

/** Markdown files a text cites: `docs/X.md`, `some/path/X.md` or a bare `X.md`. */
export function citedMarkdown(text: string): string[] {
  return [...text.matchAll(/(?:[\w.-]+\/)*[A-Z][A-Z0-9-]*\.md\b/g)].map((m) => m[0]);
}

describe('contract citations', () => {
  test('finds citations with and without a folder', () => {
    expect(citedMarkdown('see docs/CLI.md and AUDIT-LOG.md, or sample-feeds/README.md')).toEqual([
      'docs/CLI.md',
      'AUDIT-LOG.md',
      'sample-feeds/README.md',
    ]);
  });

  test('every Markdown file a source file cites exists in the repository', () => {
    const missing: string[] = [];
    for (const file of tracked.filter((f) => SOURCE.test(f) && f !== THIS_FILE)) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const cited of citedMarkdown(text)) {
        const where = cited.includes('/') ? [cited] : [join('docs', cited), cited];
        if (!where.some((p) => existsSync(join(root, p)))) missing.push(`${file}: ${cited}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('no tracked file reaches the contracts outside the repository or names a machine path', () => {
    const outside: string[] = [];
    for (const file of tracked.filter((f) => f !== THIS_FILE && !f.endsWith('.png'))) {
      const text = readFileSync(join(root, file), 'utf8');
      if (text.includes('shared/docs')) outside.push(`${file}: shared/docs`);
      if (/(^|[\s'"`(])\/work\//m.test(text)) outside.push(`${file}: /work/`);
    }
    expect(outside).toEqual([]);
  });
});
