// A briefing is Markdown written by a scenario author we do not trust with
// markup. This module turns a safe subset of it (headings, paragraphs, lists,
// blockquotes, pipe tables, emphasis, inline code) into plain data that the
// renderer turns into React elements; HTML in the source is never parsed and
// ends up as literal text.

/** A run of inline text: plain, strong, emphasised or code. */
export type BriefingSpan = { kind: 'text' | 'strong' | 'em' | 'code'; text: string };

export type BriefingBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; spans: BriefingSpan[] }
  | { kind: 'paragraph'; spans: BriefingSpan[] }
  | { kind: 'list'; ordered: boolean; items: BriefingSpan[][] }
  | { kind: 'quote'; blocks: BriefingBlock[] }
  | { kind: 'table'; header: BriefingSpan[][]; rows: BriefingSpan[][][] };

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const ITEM = /^\s*(?:([-*+])|(\d+)[.)])\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;

/** Splits briefing Markdown into blocks of inline spans (raw HTML stays literal text). */
export function briefingBlocks(source: string): BriefingBlock[] {
  return parseLines(source.replace(/\r\n?/g, '\n').split('\n'));
}

function parseLines(lines: readonly string[]): BriefingBlock[] {
  const blocks: BriefingBlock[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const flush = (): void => {
    if (paragraph.length > 0)
      blocks.push({ kind: 'paragraph', spans: inlineSpans(paragraph.join(' ')) });
    paragraph = [];
    if (list)
      blocks.push({ kind: 'list', ordered: list.ordered, items: list.items.map(inlineSpans) });
    list = null;
  };
  let i = 0;
  while (i < lines.length) {
    const raw = lines[i]!;
    const line = raw.trimEnd();
    const heading = HEADING.exec(line);
    const item = ITEM.exec(line);
    if (line.trim() === '') {
      flush();
      i += 1;
    } else if (QUOTE.test(line)) {
      flush();
      const inner: string[] = [];
      for (; i < lines.length && QUOTE.test(lines[i]!); i += 1) {
        inner.push(QUOTE.exec(lines[i]!)![1]!);
      }
      blocks.push({ kind: 'quote', blocks: parseLines(inner) });
    } else if (TABLE_ROW.test(line) && i + 1 < lines.length && TABLE_RULE.test(lines[i + 1]!)) {
      flush();
      const header = tableCells(line).map(inlineSpans);
      const rows: BriefingSpan[][][] = [];
      i += 2;
      for (; i < lines.length && TABLE_ROW.test(lines[i]!); i += 1) {
        const cells = tableCells(lines[i]!).map(inlineSpans);
        // Rows are padded or cut to the header's width so the grid stays rectangular.
        rows.push(header.map((_, c) => cells[c] ?? []));
      }
      blocks.push({ kind: 'table', header, rows });
    } else if (heading) {
      flush();
      const level = Math.min(3, heading[1]!.length) as 1 | 2 | 3;
      blocks.push({ kind: 'heading', level, spans: inlineSpans(heading[2]!) });
      i += 1;
    } else if (item) {
      const ordered = item[2] !== undefined;
      if (paragraph.length > 0 || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(item[3]!);
      i += 1;
    } else if (list && /^\s+/.test(raw)) {
      list.items[list.items.length - 1] += ` ${line.trim()}`;
      i += 1;
    } else {
      if (list) flush();
      paragraph.push(line.trim());
      i += 1;
    }
  }
  flush();
  return blocks;
}

/** Cells of a `| a | b |` row; `\|` stays a literal bar inside a cell. */
function tableCells(line: string): string[] {
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return body.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/** Inline spans; code is matched first so its content is never read as emphasis. */
export function inlineSpans(text: string): BriefingSpan[] {
  const spans: BriefingSpan[] = [];
  const pattern =
    /`([^`]+)`|\*\*(.+?)\*\*|__(.+?)__|\*(?!\s)(.+?)\*|(?<![\w])_(?!\s)(.+?)_(?![\w])/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) spans.push({ kind: 'text', text: text.slice(last, m.index) });
    if (m[1] !== undefined) spans.push({ kind: 'code', text: m[1] });
    else if (m[2] !== undefined || m[3] !== undefined)
      spans.push({ kind: 'strong', text: (m[2] ?? m[3])! });
    else spans.push({ kind: 'em', text: (m[4] ?? m[5])! });
    last = m.index + m[0].length;
  }
  if (last < text.length) spans.push({ kind: 'text', text: text.slice(last) });
  return spans;
}

/** The plain text of some spans (what a screen reader or a search would read). */
export function spansText(spans: readonly BriefingSpan[]): string {
  return spans.map((s) => s.text).join('');
}
