/**
 * Largest export one save-export IPC message may carry. The content crosses
 * in a single message, and Electron's serialiser fails near 512 MiB, so the
 * renderer checks this before sending (as UTF-8 bytes) and main again after.
 */
export const MAX_EXPORT_BYTES = 384 * 1024 ** 2;
