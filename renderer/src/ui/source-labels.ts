import type { Source } from '../../../shared/scenario/schema';

/** How each source kind is named on screen. */
export const SOURCE_LABELS: Record<Source, string> = {
  satellite: 'Satellite',
  drone: 'Drone',
  'ground-sensor': 'Ground sensor',
  observer: 'Observer',
  'open-source': 'Open source',
  inject: 'Controller inject',
};
