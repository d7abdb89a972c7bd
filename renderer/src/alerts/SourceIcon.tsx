// Inline SVG source icons (no icon font, no network), each with a text label
// for screen readers and a tooltip for sighted users.
import type { Source } from '../../../shared/scenario/schema';
import { sourceLabel } from '../ui/source-labels';

function Glyph({ source }: { source: Source }) {
  switch (source) {
    case 'satellite':
      return (
        <>
          <rect x="6" y="6" width="4" height="4" />
          <rect x="1" y="6.5" width="4" height="3" />
          <rect x="11" y="6.5" width="4" height="3" />
          <path d="M8 10 L8 14" />
        </>
      );
    case 'drone':
      return (
        <>
          <path d="M3 3 L13 13 M13 3 L3 13" />
          <circle cx="3" cy="3" r="2" />
          <circle cx="13" cy="3" r="2" />
          <circle cx="3" cy="13" r="2" />
          <circle cx="13" cy="13" r="2" />
        </>
      );
    case 'ground-sensor':
      return (
        <>
          <path d="M8 15 L8 7" />
          <path d="M4 5 A5 5 0 0 1 12 5" />
          <path d="M2 3 A8 8 0 0 1 14 3" />
          <path d="M4 15 L12 15" />
        </>
      );
    case 'observer':
      return (
        <>
          <path d="M1 8 Q8 1 15 8 Q8 15 1 8 Z" />
          <circle cx="8" cy="8" r="2.5" />
        </>
      );
    case 'open-source':
      return (
        <>
          <rect x="2" y="2" width="12" height="12" rx="1" />
          <path d="M4 6 L12 6 M4 9 L12 9 M4 12 L9 12" />
        </>
      );
    case 'inject':
      return (
        <>
          <path d="M2 6 L9 6 L13 2 L13 14 L9 10 L2 10 Z" />
        </>
      );
  }
}

/** A small source icon with an accessible text label. */
export function SourceIcon({ source }: { source: Source }) {
  return (
    <span className="source-icon" title={sourceLabel(source)} data-source={source}>
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
        <Glyph source={source} />
      </svg>
      <span className="visually-hidden">{sourceLabel(source)}</span>
    </span>
  );
}
