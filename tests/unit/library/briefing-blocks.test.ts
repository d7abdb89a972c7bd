import fc from 'fast-check';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  briefingBlocks,
  inlineSpans,
  spansText,
  type BriefingBlock,
} from '../../../renderer/src/library/briefing-blocks';
import { BriefingText } from '../../../renderer/src/library/BriefingText';

const text = (t: string) => ({ kind: 'text', text: t }) as const;

/** Every word the blocks show, in order. */
function allText(blocks: readonly BriefingBlock[]): string {
  return blocks
    .map((b): string => {
      switch (b.kind) {
        case 'heading':
        case 'paragraph':
          return spansText(b.spans);
        case 'list':
          return b.items.map(spansText).join(' ');
        case 'quote':
          return allText(b.blocks);
        case 'table':
          return [b.header, ...b.rows].map((r) => r.map(spansText).join(' ')).join(' ');
      }
    })
    .join(' ');
}

describe('briefingBlocks', () => {
  it('splits headings, lists and paragraphs and keeps HTML as literal text', () => {
    const blocks = briefingBlocks(
      '# Situation\n\nTwo **parties** agreed.\nA second line.\n\n- item one\n  continued\n- <img src=x onerror=alert(1)>\n\n## Terms\nNo <script>alert(1)</script> here.',
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, spans: [text('Situation')] },
      {
        kind: 'paragraph',
        spans: [text('Two '), { kind: 'strong', text: 'parties' }, text(' agreed. A second line.')],
      },
      {
        kind: 'list',
        ordered: false,
        items: [[text('item one continued')], [text('<img src=x onerror=alert(1)>')]],
      },
      { kind: 'heading', level: 2, spans: [text('Terms')] },
      { kind: 'paragraph', spans: [text('No <script>alert(1)</script> here.')] },
    ]);
  });

  it('reads consecutive "> " lines as one blockquote of paragraphs', () => {
    const blocks = briefingBlocks(
      '> All names are notional.\n> The line is not real.\n>\n> EXERCISE.\nAfter.',
    );
    expect(blocks).toEqual([
      {
        kind: 'quote',
        blocks: [
          { kind: 'paragraph', spans: [text('All names are notional. The line is not real.')] },
          { kind: 'paragraph', spans: [text('EXERCISE.')] },
        ],
      },
      { kind: 'paragraph', spans: [text('After.')] },
    ]);
  });

  it('reads a pipe table with a rule row as header and rows, padding short rows', () => {
    const blocks = briefingBlocks(
      '| id | party |\n|---|:---:|\n| A | Republic of **Aldania** |\n| B |\n| C | a \\| b |',
    );
    expect(blocks).toEqual([
      {
        kind: 'table',
        header: [[text('id')], [text('party')]],
        rows: [
          [[text('A')], [text('Republic of '), { kind: 'strong', text: 'Aldania' }]],
          [[text('B')], []],
          [[text('C')], [text('a | b')]],
        ],
      },
    ]);
  });

  it('keeps a lone "| a |" line without a rule row as a paragraph', () => {
    expect(briefingBlocks('| id | party |')).toEqual([
      { kind: 'paragraph', spans: [text('| id | party |')] },
    ]);
  });

  it('tells ordered from unordered lists', () => {
    const blocks = briefingBlocks('1. first\n2) second\n- bullet');
    expect(blocks.map((b) => (b.kind === 'list' ? [b.ordered, b.items.length] : b.kind))).toEqual([
      [true, 2],
      [false, 1],
    ]);
  });

  it('reads inline code literally, before any emphasis inside it', () => {
    expect(inlineSpans('run `a **b** c` and *em* or _em2_ but snake_case_name')).toEqual([
      text('run '),
      { kind: 'code', text: 'a **b** c' },
      text(' and '),
      { kind: 'em', text: 'em' },
      text(' or '),
      { kind: 'em', text: 'em2' },
      text(' but snake_case_name'),
    ]);
  });

  it('never loses a word of the briefing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z<][a-z<>]{0,7}$/), { maxLength: 40 }),
        (words) => {
          const seps = ['\n', ' ', '\n\n', '\n- ', '\n# ', '\n> ', ' | '];
          const source = words.map((w, i) => `${w}${seps[i % seps.length]}`).join('');
          const shown = allText(briefingBlocks(source));
          for (const word of words) expect(shown).toContain(word);
        },
      ),
    );
  });
});

describe('BriefingText', () => {
  it('shows <script> and other HTML in a briefing as text, never as elements', () => {
    const html = renderToStaticMarkup(
      createElement(BriefingText, {
        source:
          '# T <script>alert(1)</script>\n\n> <img src=x onerror=alert(1)>\n\n| a | <b>b</b> |\n|---|---|\n| <iframe> | `<script>` |\n\n*<em>x</em>*',
      }),
    );
    expect(html).not.toMatch(/<(script|img|iframe|b)[\s>]/);
    expect(html).not.toContain('<em>x</em>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<td>&lt;iframe&gt;</td>');
    expect(html).toContain('<code>&lt;script&gt;</code>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<th scope="col">&lt;b&gt;b&lt;/b&gt;</th>');
  });

  it('renders the quick-demo briefing shapes: quote, table, strong', () => {
    const html = renderToStaticMarkup(
      createElement(BriefingText, {
        source: '**EXERCISE**\n\n> notional\n\n| id | party |\n|---|---|\n| A | Aldania |',
      }),
    );
    expect(html).toContain('<p><strong>EXERCISE</strong></p>');
    expect(html).toContain('<blockquote><p>notional</p></blockquote>');
    expect(html).toContain('<tr><td>A</td><td>Aldania</td></tr>');
    expect(html).not.toContain('|');
  });
});
