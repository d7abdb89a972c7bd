// The console's messages, derived from what the session has shown: the
// scenario's injects up to the replay cursor and the controller's live
// injects (recomputed when either moves), the alerts each is linked to, and
// which ones this tab has read (kept for the tab's session, per scenario).
import { useCallback, useMemo, useState } from 'react';
import { messageSeqs, shownMessages, type Message } from '../../../shared/exercise/messages';
import type { ReplayEvent } from '../../../shared/scenario/loaded-scenario';
import type { AlertView, ConsoleSession } from '../console/view-model';

/** Live injects the session holds, in the order injected (they follow the scenario's events). */
function injectedEvents(session: ConsoleSession): ReplayEvent[] {
  const n = session.scenario.events.length;
  const injected: ReplayEvent[] = [];
  for (let seq = n; ; seq++) {
    const event = session.eventAt(seq);
    if (!event) return injected;
    injected.push(event);
  }
}

/** Alert ids by the message they link, from the alerts' own lists. */
export function linkedAlerts(alerts: readonly AlertView[]): Map<string, string[]> {
  const linked = new Map<string, string[]>();
  for (const alert of alerts) {
    for (const id of alert.messageIds) {
      const list = linked.get(id);
      if (list) list.push(alert.id);
      else linked.set(id, [alert.id]);
    }
  }
  return linked;
}

export function useMessages(
  session: ConsoleSession,
  shownCount: number,
  headSeq: number,
  withheld: readonly number[] = [],
  injectedCount = 0,
): Message[] {
  const { scenario } = session;
  const seqs = useMemo(() => messageSeqs(scenario.events), [scenario]);
  // headSeq moves with every log entry, a live inject's among them; injectedCount
  // with a held or moved inject delivered (which may log nothing).
  return useMemo(
    () =>
      shownMessages(scenario.events, seqs, shownCount, injectedEvents(session), new Set(withheld)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- headSeq and injectedCount are the triggers for new injects
    [scenario, seqs, shownCount, headSeq, session, withheld, injectedCount],
  );
}

function readKey(scenarioId: string): string {
  return `truceline.messages-read.${scenarioId}`;
}

export function useReadMessages(scenarioId: string): [ReadonlySet<string>, (id: string) => void] {
  const [read, setRead] = useState<ReadonlySet<string>>(() => {
    try {
      const raw: unknown = JSON.parse(sessionStorage.getItem(readKey(scenarioId)) ?? '[]');
      return new Set(Array.isArray(raw) ? raw.filter((x) => typeof x === 'string') : []);
    } catch {
      return new Set();
    }
  });
  const markRead = useCallback(
    (id: string) =>
      setRead((current) => {
        if (current.has(id)) return current;
        const next = new Set(current).add(id);
        try {
          sessionStorage.setItem(readKey(scenarioId), JSON.stringify([...next]));
        } catch {
          // Kept for this screen only.
        }
        return next;
      }),
    [scenarioId],
  );
  return [read, markRead];
}
