// A briefing is Markdown written by a scenario author we do not trust with
// markup: it is split into headings, list items and paragraphs and shown as
// plain text nodes, never parsed as HTML.

export type BriefingBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'paragraph'; text: string };

/** Splits Markdown-ish text into blocks of plain text (inline markup left as typed). */
export function briefingBlocks(source: string): BriefingBlock[] {
  const blocks: BriefingBlock[] = [];
  let paragraph: string[] = [];
  let list: string[] | null = null;
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
    if (list) blocks.push({ kind: 'list', items: list });
    list = null;
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (line.trim() === '') {
      flush();
    } else if (heading) {
      flush();
      const level = Math.min(3, heading[1]!.length) as 1 | 2 | 3;
      blocks.push({ kind: 'heading', level, text: stripEmphasis(heading[2]!) });
    } else if (item) {
      if (paragraph.length > 0) flush();
      list ??= [];
      list.push(stripEmphasis(item[1]!));
    } else if (list && /^\s+/.test(raw)) {
      list[list.length - 1] += ` ${stripEmphasis(line.trim())}`;
    } else {
      if (list) flush();
      paragraph.push(stripEmphasis(line.trim()));
    }
  }
  flush();
  return blocks;
}

/** Drops Markdown emphasis markers (`**`, `__`, backticks) that would read as noise. */
function stripEmphasis(text: string): string {
  return text
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/`([^`]*)`/g, '$1');
}
