/** Limits on what one "open scenario" may read (SCENARIO-FORMAT.md: a file over 1 GiB is refused). */
export const SCENARIO_PICK_LIMITS = {
  maxFileBytes: 1024 ** 3,
  maxFiles: 10_000,
  maxTotalBytes: 2 * 1024 ** 3,
} as const;
