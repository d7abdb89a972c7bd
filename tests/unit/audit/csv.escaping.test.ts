import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parse } from 'csv-parse/sync';
import {
  LOG_CSV_COLUMNS,
  alertsToCsv,
  csvCell,
  logToCsv,
  summarizeEntry,
  type LogEntry,
} from '../../../shared/audit';
import { buildLog } from './log-fixture';

describe('CSV cells', () => {
  test.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['=1,2', `"'=1,2"`],
    [null, ''],
  ])('%j is written %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  test('property: a parser reads every cell back, formula starts defused with one quote', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 5 }),
        (cells) => {
          const line = `${cells.map(csvCell).join(',')}\r\n`;
          const [row] = parse(line, { relax_quotes: false }) as string[][];
          expect(row).toEqual(cells.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)));
        },
      ),
    );
  });
});

describe('log and alert CSV views', () => {
  test('the log CSV has a header, one row per entry and the classification on every row', async () => {
    const entries = (await buildLog()).entries();
    const rows = parse(logToCsv(entries), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...LOG_CSV_COLUMNS]);
    expect(rows).toHaveLength(entries.length);
    expect(rows.every((r) => r.classification === 'EXERCISE')).toBe(true);
    expect(rows[5]!.summary).toBe('Note: Drone sortie tasked — ETA 20 min, «grid 37U»');
    expect(rows[4]!.summary).toBe('triage: start-verification → verify on A-e1');
    expect(rows.map((r) => r.hash)).toEqual(entries.map((e) => e.hash));
  });

  test('a note that starts like a formula is defused in the CSV', async () => {
    const [first] = (await buildLog()).entries();
    const evil: LogEntry = {
      ...first!,
      kind: 'note',
      actor: '=HYPERLINK("http://x")',
      data: { text: '-2+3' },
    };
    const [row] = parse(logToCsv([evil]), { columns: true }) as Record<string, string>[];
    expect(row!.actor).toBe('\'=HYPERLINK("http://x")');
    expect(summarizeEntry(evil)).toBe('Note: -2+3');
  });

  test('every kind has a one-line summary', async () => {
    const entries = (await buildLog()).entries();
    for (const e of entries) {
      const line = summarizeEntry(e);
      expect(line.length).toBeGreaterThan(3);
      expect(line).not.toMatch(/\n|undefined|\[object/);
    }
    expect(summarizeEntry({ ...entries[0]!, kind: 'custom-thing', data: { a: 1 } })).toBe(
      'custom-thing: a=1',
    );
  });

  test('alerts CSV lists rank, gravity and certainty with their bands, zones, events and factors', () => {
    const text = alertsToCsv([
      {
        rank: 1,
        id: 'A-e1',
        gravity: 82.5,
        severity: 'critical',
        certainty: 0.67,
        certainty_band: 'probable',
        zones: ['EZ-2', 'LOC'],
        event_ids: ['e1', 'e7'],
        first_seen: '2026-03-01T04:12:00Z',
        last_seen: '2026-03-01T04:30:00Z',
        factors: [
          { factor: 'zone-breach', contribution: 30, reason: 'MLRS inside EZ-2' },
          { factor: 'confidence', contribution: -5, reason: 'low' },
        ],
      },
    ]);
    const [row] = parse(text, { columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({
      classification: 'EXERCISE',
      rank: '1',
      gravity: '82.5',
      severity: 'critical',
      certainty: '0.67',
      certainty_band: 'probable',
      zones: 'EZ-2 LOC',
      events: '2',
      factors: 'zone-breach +30; confidence -5',
    });
  });
});
