import { briefingBlocks } from './briefing-blocks';
import './BriefingText.css';

/** A scenario briefing shown as plain text blocks (never as HTML). */
export function BriefingText({ source }: { source: string }) {
  return (
    <div className="briefing" data-testid="briefing">
      {briefingBlocks(source).map((block, i) => {
        if (block.kind === 'heading') {
          const Tag = block.level === 1 ? 'h3' : 'h4';
          return <Tag key={i}>{block.text}</Tag>;
        }
        if (block.kind === 'list') {
          return (
            <ul key={i}>
              {block.items.map((item, j) => (
                <li key={j}>{item}</li>
              ))}
            </ul>
          );
        }
        return <p key={i}>{block.text}</p>;
      })}
    </div>
  );
}
