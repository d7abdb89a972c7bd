// Saving a seat's copy cheaply: each save writes the whole copy, so saves are
// coalesced — one write at a time, and when batches arrive while it runs, one
// more write afterwards with the latest state, however many batches came.
export interface CopySaver {
  /** Asks for the current state to be saved (now, or right after the write under way). */
  request(): void;
  /** Resolves once every requested save has been written (or failed). */
  flush(): Promise<void>;
}

export function coalescedSaver(
  write: () => Promise<void>,
  onError: (error: unknown) => void,
): CopySaver {
  let running: Promise<void> | null = null;
  // An object: request() sets it while a write awaits.
  const state = { again: false };
  const wanted = (): boolean => state.again;
  const run = async (): Promise<void> => {
    do {
      state.again = false;
      try {
        await write();
      } catch (error) {
        onError(error);
      }
    } while (wanted());
    running = null;
  };
  return {
    request() {
      if (running) state.again = true;
      else running = run();
    },
    async flush() {
      while (running) await running;
    },
  };
}
