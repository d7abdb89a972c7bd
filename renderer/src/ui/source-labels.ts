import type { Source } from '../../../shared/scenario/schema';

/** How each source kind is named on screen (the one list of source labels). */
export const SOURCE_LABELS: Record<Source, string> = {
  satellite: 'Satellite',
  drone: 'Drone',
  'ground-sensor': 'Ground sensor',
  observer: 'Observer',
  'open-source': 'Open source',
  inject: 'Controller inject',
};

/** A source kind's name within a sentence or a tooltip ("ground sensor"). */
export function sourceLabel(source: Source): string {
  return SOURCE_LABELS[source].toLowerCase();
}
