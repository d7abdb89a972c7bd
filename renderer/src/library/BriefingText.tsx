import type { ReactNode } from 'react';
import { briefingBlocks, type BriefingBlock, type BriefingSpan } from './briefing-blocks';
import './BriefingText.css';

/** A scenario briefing: a safe Markdown subset as React elements (never as HTML). */
export function BriefingText({ source }: { source: string }) {
  return (
    <div className="briefing" data-testid="briefing">
      {briefingBlocks(source).map(renderBlock)}
    </div>
  );
}

function renderBlock(block: BriefingBlock, key: number): ReactNode {
  switch (block.kind) {
    case 'heading': {
      const Tag = block.level === 1 ? 'h3' : block.level === 2 ? 'h4' : 'h5';
      return <Tag key={key}>{renderSpans(block.spans)}</Tag>;
    }
    case 'list': {
      const Tag = block.ordered ? 'ol' : 'ul';
      return (
        <Tag key={key}>
          {block.items.map((item, j) => (
            <li key={j}>{renderSpans(item)}</li>
          ))}
        </Tag>
      );
    }
    case 'quote':
      return <blockquote key={key}>{block.blocks.map(renderBlock)}</blockquote>;
    case 'table':
      return (
        <table key={key} className="briefing-table">
          <thead>
            <tr>
              {block.header.map((cell, c) => (
                <th key={c} scope="col">
                  {renderSpans(cell)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c}>{renderSpans(cell)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'paragraph':
      return <p key={key}>{renderSpans(block.spans)}</p>;
  }
}

function renderSpans(spans: readonly BriefingSpan[]): ReactNode[] {
  return spans.map((span, i) => {
    if (span.kind === 'strong') return <strong key={i}>{span.text}</strong>;
    if (span.kind === 'em') return <em key={i}>{span.text}</em>;
    if (span.kind === 'code') return <code key={i}>{span.text}</code>;
    return span.text;
  });
}
