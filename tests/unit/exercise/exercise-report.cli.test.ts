// The exercise, verify and report commands end to end on real files.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { handEvents } from './hand-scenario';
import { truceline, writeHandScenarioFile } from './hand-scenario-cli';

let dir: string;
let scenario: string;
let log: string;
let keyFile: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'truceline-cli-'));
  scenario = writeHandScenarioFile(dir, 'hand.scenario.json');
  keyFile = join(dir, 'key.json');
  expect(truceline('keygen', '--out', keyFile).status).toBe(0);
  log = join(dir, 'log.json');
});

describe('truceline exercise / report', () => {
  it('runs a whole exercise headless and writes a signed log that verifies', () => {
    const run = truceline(
      'exercise',
      scenario,
      '--out',
      log,
      '--key',
      keyFile,
      '--actor',
      'duty officer',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const keyId = (JSON.parse(readFileSync(keyFile, 'utf8')) as { key_id: string }).key_id;
    expect(run.stdout).toContain(`key ${keyId}`);
    const verify = truceline('verify', log);
    expect(verify.status).toBe(0);
    expect(verify.stdout.split('\n')[0]).toMatch(
      new RegExp(`^OK \\d+ entries, head [0-9a-f]{64}, key ${keyId}$`),
    );
    const bundle = JSON.parse(readFileSync(log, 'utf8')) as {
      entries: { actor: string; kind: string }[];
    };
    expect(bundle.entries.some((e) => e.actor === 'duty officer' && e.kind === 'ack')).toBe(true);
    expect(bundle.entries.at(-1)!.kind).toBe('export');
  });

  it('prints an ephemeral public key without --key, and stops at --until', () => {
    const short = join(dir, 'short.json');
    const run = truceline('exercise', scenario, '--out', short, '--until', '2026-03-01T02:00:00Z');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/ephemeral public key: [A-Za-z0-9+/]{43}=/);
    const bundle = JSON.parse(readFileSync(short, 'utf8')) as {
      entries: { kind: string; exercise_time: string }[];
    };
    const ended = bundle.entries.find((e) => e.kind === 'exercise-ended')!;
    expect(ended.exercise_time).toBe('2026-03-01T02:00:00.000Z');
  });

  it('writes the after-action report as Markdown and JSON', () => {
    const md = truceline('report', log, '--scenario', scenario);
    expect(md.status).toBe(0);
    expect(md.stdout.startsWith('**EXERCISE**')).toBe(true);
    expect(md.stdout).toContain('## Areas for improvement');
    const json = truceline('report', log, '--scenario', scenario, '--format', 'json');
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout) as {
      format: string;
      outcomes: { violations_escalated: number };
    };
    expect(report.format).toBe('truceline-aar');
    expect(report.outcomes.violations_escalated).toBe(1);
  });

  it('refuses a scenario whose hash differs from the log, and a tampered log (exit 1)', () => {
    const other = writeHandScenarioFile(dir, 'other.scenario.json', handEvents().slice(0, 3));
    const refused = truceline('report', log, '--scenario', other);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/scenario hash [0-9a-f]{64} is not the log's [0-9a-f]{64}/);
    const bundle = JSON.parse(readFileSync(log, 'utf8')) as {
      entries: { data: Record<string, unknown> }[];
    };
    bundle.entries[3]!.data.score = 99;
    const tampered = join(dir, 'tampered.json');
    writeFileSync(tampered, JSON.stringify(bundle));
    const result = truceline('report', tampered, '--scenario', scenario);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('TAMPERED seq 4');
  });

  it('refuses a scenario whose protocol does not lint, naming file, pointer and step', () => {
    const protocol = JSON.parse(readFileSync('shared/protocol/builtin-protocol.json', 'utf8')) as {
      steps: { actions: { next: string }[] }[];
    };
    protocol.steps[1]!.actions[0]!.next = 'notfy';
    const bad = writeHandScenarioFile(dir, 'bad-protocol.scenario.json', handEvents(), {
      protocol,
    });
    const run = truceline('exercise', bad, '--out', join(dir, 'never.json'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'bad-protocol.scenario.json:/protocol/steps/1/actions/0/next: step "verify": action "confirmed" targets unknown step "notfy"',
    );
  });

  it('exits 2 on usage errors', () => {
    expect(truceline('exercise', scenario).status).toBe(2);
    expect(truceline('exercise', scenario, '--out', log, '--policy', 'lazy').status).toBe(2);
    expect(truceline('report', log).status).toBe(2);
    expect(truceline('report', log, '--scenario', scenario, '--format', 'pdf').status).toBe(2);
  });
});
