// The queue filter of this browser tab: kept in sessionStorage, so leaving
// for the Log screen and coming back (or reloading) finds the queue as the
// operator left it, while another tab or a new session starts from the default.
import { useCallback, useState } from 'react';
import { parseQueueFilter, type QueueFilter } from './queue-filter';

const KEY = 'truceline.queue-filter';

function read(): QueueFilter {
  try {
    return parseQueueFilter(sessionStorage.getItem(KEY));
  } catch {
    // Storage refused (privacy mode): the default filter, not a broken console.
    return parseQueueFilter(null);
  }
}

export function useQueueFilter(): [QueueFilter, (filter: QueueFilter) => void] {
  const [filter, setFilter] = useState(read);
  const update = useCallback((next: QueueFilter) => {
    setFilter(next);
    try {
      sessionStorage.setItem(KEY, JSON.stringify(next));
    } catch {
      // Not kept beyond this screen; the filter still applies.
    }
  }, []);
  return [filter, update];
}
