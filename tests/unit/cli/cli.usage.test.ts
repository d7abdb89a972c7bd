import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function truceline(...args: string[]) {
  return spawnSync(
    process.execPath,
    ['shared/node/run-ts.mjs', 'shared/node/cli/main.ts', ...args],
    {
      encoding: 'utf8',
    },
  );
}

describe('truceline CLI', () => {
  it('exits 2 with the command list when called without a command', () => {
    const result = truceline();
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('validate <path>');
  });

  it('exits 2 and names an unknown command', () => {
    const result = truceline('frobnicate');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown command "frobnicate"');
  });
});
