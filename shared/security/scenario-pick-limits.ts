/**
 * Limits on what one "open scenario" may list. A file over 1 GiB is refused
 * (docs/SCENARIO-FORMAT.md); files are read lazily, so the total only bounds a
 * mistaken pick (a home folder instead of a scenario folder).
 */
export const SCENARIO_PICK_LIMITS = {
  maxFileBytes: 1024 ** 3,
  maxFiles: 10_000,
  maxTotalBytes: 8 * 1024 ** 3,
} as const;
