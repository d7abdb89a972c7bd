import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cssString, printMarksCss } from '../../../renderer/src/report/print-marks';

/** Decodes a CSS string literal made of plain characters and `\hex ` escapes. */
function decodeCssString(literal: string): string {
  expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
  return literal
    .slice(1, -1)
    .replace(/\\([0-9a-f]{1,6}) /g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}

describe('print marks', () => {
  it('round-trips any text through a CSS string literal that cannot break out of it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        const literal = cssString(text);
        expect(literal.slice(1, -1)).not.toMatch(/["'{};<>\n]/);
        expect(decodeCssString(literal)).toBe(text);
      }),
    );
  });

  it('puts both marks in the page margin boxes of printed pages only', () => {
    const css = printMarksCss('EXERCISE — key abc', 'EXERCISE');
    expect(css).toMatch(/^@media print \{ @page \{/);
    expect(css).toContain('@top-center { content: "EXERCISE \\2014  key abc"');
    expect(css).toContain('@bottom-center { content: "EXERCISE"');
  });
});
