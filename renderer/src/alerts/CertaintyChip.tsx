import type { CertaintyBand } from '../console/view-model';
import { CERTAINTY_BAND_TEXT, CERTAINTY_NOT_RECORDED, formatCertainty } from './measure-text';

/**
 * A certainty band as a chip: its word, and a border of its own (solid,
 * dashed, dotted, struck through) so that it reads without colour. Null
 * `band`: the log's model recorded no certainty (version 1).
 */
export function CertaintyChip({ band, value }: { band: CertaintyBand | null; value?: number }) {
  if (band === null) {
    return (
      <span className="certainty certainty-none" title={CERTAINTY_NOT_RECORDED}>
        certainty n/r
      </span>
    );
  }
  const text = CERTAINTY_BAND_TEXT[band];
  const title = `Certainty ${value !== undefined ? `${formatCertainty(value)} ` : ''}— ${text.label}: ${text.meaning}`;
  // Narrow queues show the short word (the border style and the tooltip still say which).
  return (
    <span className={`certainty certainty-${band}`} data-certainty={band} title={title}>
      <span className="certainty-long">{text.label}</span>
      <span className="certainty-short" aria-hidden="true">
        {text.short}
      </span>
    </span>
  );
}
