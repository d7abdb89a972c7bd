import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { briefingBlocks } from '../../../renderer/src/library/briefing-blocks';

describe('briefingBlocks', () => {
  it('splits headings, lists and paragraphs and keeps markup as literal text', () => {
    const blocks = briefingBlocks(
      '# Situation\n\nTwo **parties** agreed.\nA second line.\n\n- item one\n  continued\n- <img src=x onerror=alert(1)>\n\n## Terms\nNo <script>alert(1)</script> here.',
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Situation' },
      { kind: 'paragraph', text: 'Two parties agreed. A second line.' },
      { kind: 'list', items: ['item one continued', '<img src=x onerror=alert(1)>'] },
      { kind: 'heading', level: 2, text: 'Terms' },
      { kind: 'paragraph', text: 'No <script>alert(1)</script> here.' },
    ]);
  });

  it('never loses a word of the briefing', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z<>]{1,8}$/), { maxLength: 40 }), (words) => {
        const seps = ['\n', ' ', '\n\n', '\n- ', '\n# '];
        const source = words.map((w, i) => `${w}${seps[i % seps.length]}`).join('');
        const text = briefingBlocks(source)
          .flatMap((b) => (b.kind === 'list' ? b.items : [b.text]))
          .join(' ');
        for (const word of words) expect(text).toContain(word);
      }),
    );
  });
});
