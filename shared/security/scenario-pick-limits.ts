/**
 * Limits on what one "open scenario" may read. A file over 1 GiB is refused
 * (SCENARIO-FORMAT.md). In Electron the files of one open travel to the renderer
 * in a single IPC reply, and replies near 512 MiB overflow Electron's message
 * serialiser, so one open is capped well below that.
 */
export const SCENARIO_PICK_LIMITS = {
  maxFileBytes: 1024 ** 3,
  maxFiles: 10_000,
  maxTotalBytes: 384 * 1024 ** 2,
} as const;
