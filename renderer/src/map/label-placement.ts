// Place names on a small map run into each other; rather than overprint them,
// a name is shown only where it does not overlap one already placed.

export interface LabelBox {
  id: string;
  /** Screen px of the label's left edge and baseline. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Ids of the labels to show: greedily, in the given (priority) order, skipping any that overlap. */
export function nonOverlappingLabels(labels: readonly LabelBox[], gapPx = 2): Set<string> {
  const kept: LabelBox[] = [];
  for (const l of labels) {
    const clash = kept.some(
      (k) =>
        l.x < k.x + k.width + gapPx &&
        k.x < l.x + l.width + gapPx &&
        l.y - l.height < k.y + gapPx &&
        k.y - k.height < l.y + gapPx,
    );
    if (!clash) kept.push(l);
  }
  return new Set(kept.map((k) => k.id));
}

/** Rough width in px of `text` at `fontPx` (a sans-serif averages ~0.6 em a character). */
export function labelWidth(text: string, fontPx: number): number {
  return text.length * fontPx * 0.6;
}
