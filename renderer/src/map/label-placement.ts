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

/** A screen box (px) that no label may cover: a marker, or a label already placed. */
export interface ObstacleBox {
  /** Left, top, right, bottom in screen px. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A label to place beside its anchor (a place, a site, the middle of an area). */
export interface LabelRequest {
  id: string;
  /** Screen px of what the label names. */
  ax: number;
  ay: number;
  width: number;
  height: number;
}

/** Where a placed label goes: `x` its left edge, `y` its baseline, screen px. */
export interface PlacedLabel {
  id: string;
  x: number;
  y: number;
  /** Set when the label stands away from its anchor: draw a leader line to it. */
  leader?: true;
}

/** A candidate position: left edge, baseline, and whether it needs a leader line. */
export type Candidate = [x: number, y: number, leader?: true];

/**
 * Where a label may go around its anchor, in order of preference: the
 * cartographer's usual order (upper right, lower right, upper left, lower
 * left), `offset` px clear of the anchor; then beside it, right and left.
 * With `rows`, it may also stand up to that many lines further above or below
 * (right, left or centred), joined to its anchor by a leader line: on a line of
 * contact with a village every few px, names stack in rows on either side
 * rather than drop out.
 */
export function candidatePositions(req: LabelRequest, offset: number, rows = 0): Candidate[] {
  const right = req.ax + offset;
  const left = req.ax - offset - req.width;
  const centre = req.ax - req.width / 2;
  const above = req.ay - offset;
  const below = req.ay + offset + req.height;
  const middle = req.ay + req.height / 2;
  const out: Candidate[] = [
    [right, above],
    [right, below],
    [left, above],
    [left, below],
    [right, middle],
    [left, middle],
  ];
  for (let k = 1; k <= rows; k += 1) {
    const step = k * (req.height + 2);
    for (const y of [above - step, below + step]) {
      out.push([centre, y, true], [right, y, true], [left, y, true]);
    }
  }
  return out;
}

function boxOf(x: number, y: number, req: LabelRequest): ObstacleBox {
  return { x0: x, y0: y - req.height, x1: x + req.width, y1: y };
}

function clashes(a: ObstacleBox, b: ObstacleBox, gap: number): boolean {
  return a.x0 < b.x1 + gap && b.x0 < a.x1 + gap && a.y0 < b.y1 + gap && b.y0 < a.y1 + gap;
}

/**
 * Places labels in priority order, each at its first candidate position that
 * lies inside `bounds` and covers no obstacle (markers) and no label placed
 * before it; a label with no free position is left out rather than overprinted.
 * `soft` obstacles (markers a name may cover, its halo keeping both legible)
 * are avoided where a position clear of them exists among those tried at the
 * same distance from the anchor.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  obstacles: readonly ObstacleBox[],
  {
    offset = 6,
    gap = 2,
    bounds,
    rows = 0,
    soft = [],
  }: {
    offset?: number;
    gap?: number;
    /** The visible frame: a name cut by its edge is read wrong ("olenne"), so it must fit inside. */
    bounds?: ObstacleBox;
    /** How many lines away from its anchor a label may stand (with a leader line). */
    rows?: number;
    soft?: readonly ObstacleBox[];
  } = {},
): PlacedLabel[] {
  const taken: ObstacleBox[] = [...obstacles];
  const placed: PlacedLabel[] = [];
  const inside = (b: ObstacleBox) =>
    !bounds || (b.x0 >= bounds.x0 && b.y0 >= bounds.y0 && b.x1 <= bounds.x1 && b.y1 <= bounds.y1);
  for (const req of requests) {
    const candidates = candidatePositions(req, offset, rows);
    const free = (c: Candidate, avoidSoft: boolean) => {
      const box = boxOf(c[0], c[1], req);
      if (!inside(box) || taken.some((t) => clashes(box, t, gap))) return null;
      if (avoidSoft && soft.some((t) => clashes(box, t, 0))) return null;
      return box;
    };
    // Beside the anchor first (clear of soft markers, then over them), then
    // away from it with a leader (likewise).
    const near = candidates.filter((c) => !c[2]);
    const far = candidates.filter((c) => c[2]);
    let chosen: { c: Candidate; box: ObstacleBox } | null = null;
    for (const group of [near, far]) {
      for (const avoidSoft of soft.length > 0 ? [true, false] : [false]) {
        for (const c of group) {
          const box = free(c, avoidSoft);
          if (box) {
            chosen = { c, box };
            break;
          }
        }
        if (chosen) break;
      }
      if (chosen) break;
    }
    if (!chosen) continue;
    taken.push(chosen.box);
    const [x, y, leader] = chosen.c;
    placed.push(leader ? { id: req.id, x, y, leader } : { id: req.id, x, y });
  }
  return placed;
}

/** The obstacle a square marker of `sizePx` centred on (x, y) makes. */
export function markerBox(x: number, y: number, sizePx: number): ObstacleBox {
  const r = sizePx / 2;
  return { x0: x - r, y0: y - r, x1: x + r, y1: y + r };
}
