// The operator console laid out for 1920×1080 (usable at 1280×800): transport
// on top; queue left; map and timeline centre; alert detail and protocol
// right. Everything reads one snapshot per animation frame from the session.
// Only the clock changes every frame: the alerts array (and each unchanged
// alert) keeps its identity between frames, so the memoised panels below
// re-render only when what they show changed, and every handler is stable.
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { useAppState, useAppStore } from '../app/app-context';
import { AlertDetail } from '../alerts/AlertDetail';
import { AlertQueue } from '../alerts/AlertQueue';
import { IncidentPanel } from '../alerts/IncidentPanel';
import { QUEUE_SEARCH_ID } from '../alerts/QueueFilterBar';
import { filterQueue } from '../alerts/queue-filter';
import { useQueueFilter } from '../alerts/use-queue-filter';
import { ScenarioMap } from '../map/ScenarioMap';
import { LinkedMessages } from '../messages/LinkedMessages';
import { MessagesPanel } from '../messages/MessagesPanel';
import { linkedAlerts, useMessages, useReadMessages } from '../messages/use-messages';
import { ProtocolWalkthrough } from '../protocol/ProtocolWalkthrough';
import { RunWalkthrough } from '../protocol/RunWalkthrough';
import { ReportsPanel, type WriteRequest } from '../reports/ReportsPanel';
import { TransportBar } from '../replay/TransportBar';
import { usePlaybackLoop } from '../replay/use-playback-loop';
import { TimelineChart } from '../timeline/TimelineChart';
import { TEMPO_TRIGGERS, tempoDecision, tempoMemory } from './tempo-rules';
import { commandForKey, type ConsoleKeyCommand } from './console-keys';
import { ControllerPanel } from './ControllerPanel';
import { SimCellPanel } from './SimCellPanel';
import { chairSteps } from './sim-cell-plan';
import { PlanPanel } from './PlanPanel';
import { RoomPanel } from '../room-host/RoomPanel';
import { checkSeek } from '../../../shared/protocol/seek-rules';
import { ShortcutSheet } from './ShortcutSheet';
import { useTempoRules } from './use-tempo-rules';
import { useThrottled } from './use-throttled';
import type { ConsoleSession, ReportProduct } from './view-model';
import './console.css';

export function ConsoleView({ session }: { session: ConsoleSession }) {
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const { scenario, commands, role } = session;
  const { clock, alerts, shownCount } = snapshot;
  const { now, playing, speed } = clock;
  // The selection lives in the app store: it outlasts a visit to the Log or Report screen.
  const selectedId = useAppState((s) => s.selectedAlertId);
  const setSelectedId = useAppStore().selectAlert;
  const [sheetOpen, setSheetOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // Why the clock stopped by itself: kept apart from `message` (which every
  // successful command clears) until the user resumes or dismisses it.
  const [pauseNotice, setPauseNotice] = useState<string | null>(null);
  // Tempo rules (tempo-rules.ts): the controller's, kept per exercise (use-tempo-rules.ts),
  // so that the operator's console plays by the rules the controller set.
  const [tempo, setTempo] = useTempoRules(useAppState((s) => s.exerciseId));
  const autoPause = tempo.on.includes('auto-pause-on-critical');
  const setAutoPause = useCallback(
    (on: boolean) =>
      setTempo((t) => ({
        ...t,
        on: on
          ? [...new Set([...t.on, 'auto-pause-on-critical' as const])]
          : t.on.filter((r) => r !== 'auto-pause-on-critical'),
      })),
    [setTempo],
  );
  const [showTruth, setShowTruth] = useState(false);
  // The controller's centre: the map and timeline, or the exercise plan (which
  // needs the width: the left column holds the queue, SimCell and Messages).
  // The Room (room-host/RoomPanel) is the controller's too: the room it may host.
  const [centreTab, setCentreTab] = useState<'map' | 'plan' | 'room'>('map');
  const showPlan = role === 'controller' && snapshot.plan !== null && centreTab === 'plan';
  const showRoom = role === 'controller' && session.room !== undefined && centreTab === 'room';
  const [busy, setBusy] = useState(false);

  const zoneNames = useMemo(
    () => new Map(scenario.zones.map((z) => [z.id, z.name] as const)),
    [scenario],
  );
  const selected = useMemo(
    () => alerts.find((a) => a.id === selectedId) ?? null,
    [alerts, selectedId],
  );
  const messages = useMessages(
    session,
    shownCount,
    snapshot.headSeq,
    snapshot.withheld,
    snapshot.injectedCount,
  );
  const messageLinks = useMemo(() => linkedAlerts(alerts), [alerts]);
  const [readMessages, markMessageRead] = useReadMessages(scenario.id);
  const linkTarget = useMemo(
    () => (selected ? { id: selected.id, title: selected.title } : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only what the Messages panel shows of it
    [selected?.id, selected?.title],
  );
  const sectors = useMemo(
    () =>
      scenario.zones.filter((z) => z.kind === 'sector').map((z) => ({ id: z.id, name: z.name })),
    [scenario],
  );
  const [queueFilter, setQueueFilter] = useQueueFilter();
  const queue = useMemo(
    () => filterQueue(alerts, queueFilter, zoneNames, sectors),
    [alerts, queueFilter, zoneNames, sectors],
  );

  const tick = useCallback((wallMs: number) => session.tick(wallMs), [session]);
  // A room seat's clock is the controller's: its frames carry it, nothing ticks here.
  const runsClock = session.clockRefusal === undefined;
  usePlaybackLoop(runsClock && playing && !snapshot.fault, tick);

  // Resolves whether the intent was logged (a refusal is shown as the message).
  const run = useCallback(async (what: string, intent: () => Promise<void>) => {
    setBusy(true);
    try {
      await intent();
      setMessage(null);
      return true;
    } catch (e) {
      setMessage(`${what}: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  // The tempo rules: pause at training speed when what they name happens.
  const seen = useRef(tempoMemory(alerts, now));
  useEffect(() => {
    // Only who runs the clock applies the rules (a room seat leaves them to the controller).
    if (!runsClock) return;
    const decision = tempoDecision(seen.current, alerts, now, { speed, playing }, tempo);
    seen.current = tempoMemory(alerts, now);
    if (decision) {
      setSelectedId(decision.alert.id);
      const what = TEMPO_TRIGGERS.find((t) => t.id === decision.trigger)!.label;
      const slowTo = decision.then;
      if (slowTo === 'pause') {
        void run('Auto-pause', () => commands.autoPause(decision.trigger, decision.reason));
        setPauseNotice(`Paused at ${speed}×: ${what} — “${decision.alert.title}”.`);
      } else {
        void run('Auto-slow', () => commands.autoSlow(decision.trigger, slowTo, decision.reason));
        setPauseNotice(`Slowed from ${speed}× to ${slowTo}×: ${what} — “${decision.alert.title}”.`);
      }
    }
  }, [alerts, now, speed, playing, tempo, commands, run, setSelectedId, runsClock]);

  // Handlers read the latest state through a ref, so they never change and the
  // memoised transport bar and panels need not re-render for them.
  const latest = useRef({ rows: queue.rows, selectedId, selected, playing });
  useLayoutEffect(() => {
    latest.current = { rows: queue.rows, selectedId, selected, playing };
  });

  const onKey = useCallback(
    (command: ConsoleKeyCommand) => {
      // J and K move through the queue as filtered, in the order shown.
      const { rows, selectedId, selected, playing } = latest.current;
      const index = selectedId === null ? -1 : rows.findIndex((r) => r.alert.id === selectedId);
      switch (command) {
        case 'play-pause':
          if (!playing) setPauseNotice(null);
          void run('Play/pause', () => (playing ? commands.pause() : commands.play()));
          break;
        case 'step-event':
          void run('Step', () => commands.stepToNextEvent());
          break;
        case 'step-alert':
          void run('Step', () => commands.stepToNextAlert());
          break;
        case 'next-alert':
          if (rows.length > 0) setSelectedId(rows[Math.min(rows.length - 1, index + 1)]!.alert.id);
          break;
        case 'previous-alert':
          if (rows.length > 0) setSelectedId(rows[Math.max(0, index - 1)]!.alert.id);
          break;
        case 'search-queue':
          document.getElementById(QUEUE_SEARCH_ID)?.focus();
          break;
        case 'acknowledge':
          if (selected && !selected.acknowledged) {
            const id = selected.id;
            void run('Acknowledge', () => commands.acknowledge(id));
          }
          break;
        case 'shortcuts':
          setSheetOpen(true);
          break;
        case 'close-sheet':
          setSheetOpen(false);
          break;
      }
    },
    [commands, run, setSelectedId],
  );
  const onPlayPause = useCallback(() => onKey('play-pause'), [onKey]);
  const onStepEvent = useCallback(() => onKey('step-event'), [onKey]);
  const onStepAlert = useCallback(() => onKey('step-alert'), [onKey]);
  const onSpeed = useCallback(
    (speed: number) => void run('Speed', () => commands.setSpeed(speed)),
    [commands, run],
  );
  const onSeek = useCallback(
    (to: number) => void run('Seek', () => commands.seek(to)),
    [commands, run],
  );
  const onLink = useCallback(
    async (primary: string, other: string) => {
      await run('Link', () => commands.link(primary, other));
    },
    [commands, run],
  );
  const onUnlink = useCallback(
    async (id: string) => {
      await run('Unlink', () => commands.unlink(id));
    },
    [commands, run],
  );
  const onLinkMessage = useCallback(
    async (eventId: string, alertId: string) => {
      await run('Link message', () => commands.linkMessage(eventId, alertId));
    },
    [commands, run],
  );
  const onShortcuts = useCallback(() => setSheetOpen(true), []);
  const onHotWash = useCallback(
    () => void run('Hot wash', () => commands.pause('hot wash')),
    [commands, run],
  );
  const onNote = useCallback(
    (text: string) => run('Note', () => commands.note(text)),
    [commands, run],
  );
  const onSaveProduct = useCallback(
    async (product: ReportProduct, text: string, alertId: string | null) => {
      // The editor shows the refusal itself; the console's message line stays for the rest.
      await commands.issueProduct(product, text, alertId);
    },
    [commands],
  );
  // The walkthrough's "Write the spot report": the Reports panel opens its editor.
  const [writeRequest, setWriteRequest] = useState<WriteRequest | null>(null);
  const onWriteProduct = useCallback(
    (product: ReportProduct, alertId: string) =>
      setWriteRequest((last) => ({
        product,
        alertId: product === 'daily-report' ? null : alertId,
        seq: (last?.seq ?? 0) + 1,
      })),
    [],
  );
  const onInject = useCallback(
    (summary: string, extra: { lat?: number; lon?: number; from?: string }) =>
      run('Inject', () => commands.inject(summary, extra)),
    [commands, run],
  );

  useEffect(() => {
    const listener = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const command = commandForKey({
        key: e.key,
        shiftKey: e.shiftKey,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        targetTag: target?.tagName ?? '',
        targetEditable: target?.isContentEditable ?? false,
      });
      if (command === null) return;
      if (sheetOpen && command !== 'close-sheet') return;
      e.preventDefault();
      onKey(command);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [onKey, sheetOpen]);

  // Recharts redraws every bar on each update (20-40 ms of UI thread at 300x
  // in profiles), so the chart follows every 2 s and the scrubber markers at
  // 1 Hz; the map's fading markers at 4 Hz. Clock and shown count are
  // throttled as one pair: apart, the map could see events newer than its clock.
  const barAlerts = useThrottled(alerts, 1000);
  const chartAt = useThrottled(
    useMemo(() => ({ now, shownCount, alerts }), [now, shownCount, alerts]),
    2000,
  );
  const mapAt = useThrottled(
    useMemo(() => ({ now, shownCount }), [now, shownCount]),
    250,
  );
  const mapSelected = useThrottled(selected, 250);
  const chair = useMemo(() => chairSteps(alerts), [alerts]);
  const protocolStarted = useMemo(
    () => alerts.some((a) => a.protocol !== null || a.run !== null),
    [alerts],
  );
  // Forward seeks are always the controller's; backwards, the seek rules say why not.
  const seekBackRefusal = useMemo(
    () => checkSeek(1, 0, role, protocolStarted),
    [role, protocolStarted],
  );

  return (
    <div className="console" data-testid="console" data-role={role}>
      <TransportBar
        classification={scenario.classification}
        title={scenario.title}
        clock={clock}
        alerts={barAlerts}
        busy={busy}
        canSeek={role === 'controller'}
        seekNote={role === 'controller' ? seekBackRefusal : null}
        clockNote={session.clockRefusal ?? null}
        onPlayPause={onPlayPause}
        onSpeed={onSpeed}
        onStepEvent={onStepEvent}
        onStepAlert={onStepAlert}
        onSeek={onSeek}
        onShortcuts={onShortcuts}
      />
      {session.readOnly !== null ? (
        <p role="status" className="console-message" data-testid="read-only-notice">
          Read-only: {session.readOnly}
        </p>
      ) : null}
      {snapshot.skip ? (
        <p role="status" className="console-message" data-testid="skip-progress">
          Skipping: {snapshot.skip.alerts.toLocaleString('en')} alerts so far. The queue, map and
          plan show the exercise as it stood when the skip began, and catch up when it ends.
        </p>
      ) : null}
      {snapshot.fault ? (
        <p role="alert" className="console-fault">
          The exercise stopped: {snapshot.fault}. Nothing already logged is lost; export the log
          from the Log screen, free space, then reopen the exercise.
        </p>
      ) : null}
      {message ? (
        <p role="status" className="console-message">
          {message}{' '}
          <button type="button" className="link" onClick={() => setMessage(null)}>
            dismiss
          </button>
        </p>
      ) : null}
      {pauseNotice ? (
        <p role="status" className="console-message" data-testid="auto-pause-notice">
          {pauseNotice}{' '}
          <button type="button" className="link" onClick={() => setPauseNotice(null)}>
            dismiss
          </button>
        </p>
      ) : null}
      {snapshot.ended ? (
        <p role="status" className="console-message">
          The exercise has reached its end time.
        </p>
      ) : null}
      <div className="console-grid">
        {/* The queue, the controller's SimCell and the messages share the left
            column, so the alert detail keeps the right column's height. */}
        <div className="console-left">
          <AlertQueue
            alerts={alerts}
            queue={queue}
            filter={queueFilter}
            onFilter={setQueueFilter}
            now={now}
            selectedId={selectedId}
            zoneNames={zoneNames}
            sectors={sectors}
            onSelect={setSelectedId}
          />
          {role === 'controller' && snapshot.simCell !== null ? (
            <SimCellPanel
              simCell={snapshot.simCell}
              now={now}
              timezone={clock.timezone}
              parties={scenario.parties}
              commands={commands}
              chair={chair}
            />
          ) : null}
          {snapshot.reports !== null ? (
            <ReportsPanel
              reports={snapshot.reports}
              now={now}
              timezone={clock.timezone}
              classification={scenario.classification}
              canWrite={role === 'operator' && session.readOnly === null}
              actor={session.actor}
              onSave={onSaveProduct}
              request={writeRequest}
            />
          ) : null}
          <MessagesPanel
            messages={messages}
            linkedTo={messageLinks}
            readIds={readMessages}
            onRead={markMessageRead}
            selected={linkTarget}
            timezone={clock.timezone}
            readOnly={session.readOnly}
            onLink={onLinkMessage}
            onSelectAlert={setSelectedId}
          />
        </div>
        {/* The controller's plan takes the centre while open: it needs the
            width, and the left column already holds the queue, SimCell and Messages. */}
        <div className="console-centre" data-view={showPlan ? 'plan' : showRoom ? 'room' : 'map'}>
          {role === 'controller' && (snapshot.plan !== null || session.room !== undefined) ? (
            <div className="control-tabs" role="tablist" aria-label="Centre view">
              <button
                type="button"
                role="tab"
                aria-selected={!showPlan && !showRoom}
                onClick={() => setCentreTab('map')}
              >
                Map and timeline
              </button>
              {snapshot.plan !== null ? (
                <button
                  type="button"
                  role="tab"
                  aria-selected={showPlan}
                  onClick={() => setCentreTab('plan')}
                >
                  Exercise plan
                </button>
              ) : null}
              {session.room !== undefined ? (
                <button
                  type="button"
                  role="tab"
                  aria-selected={showRoom}
                  onClick={() => setCentreTab('room')}
                >
                  Room
                </button>
              ) : null}
            </div>
          ) : null}
          {showRoom && session.room !== undefined ? (
            <RoomPanel
              room={session.room}
              parties={scenario.parties}
              classification={scenario.classification}
            />
          ) : showPlan && snapshot.plan !== null ? (
            <PlanPanel
              plan={snapshot.plan}
              now={now}
              start={clock.start}
              end={clock.end}
              timezone={clock.timezone}
              classification={scenario.classification}
              seekBackRefusal={seekBackRefusal}
              commands={commands}
            />
          ) : (
            <>
              <ScenarioMap
                scenario={scenario}
                now={mapAt.now}
                shownCount={mapAt.shownCount}
                selected={mapSelected}
              />
              <TimelineChart
                scenario={scenario}
                now={chartAt.now}
                shownCount={chartAt.shownCount}
                alerts={chartAt.alerts}
              />
            </>
          )}
        </div>
        <div className="console-right">
          <AlertDetail
            alert={selected}
            scenario={scenario}
            eventAt={session.eventAt}
            showGroundTruth={role === 'controller' && showTruth}
            messages={
              selected ? (
                <LinkedMessages
                  messageIds={selected.messageIds}
                  messages={messages}
                  timezone={clock.timezone}
                />
              ) : null
            }
            incident={
              selected ? (
                <IncidentPanel
                  alert={selected}
                  alerts={alerts}
                  readOnly={session.readOnly}
                  onLink={onLink}
                  onUnlink={onUnlink}
                  onSelect={setSelectedId}
                />
              ) : null
            }
          >
            {selected && session.protocolFormat === 2 ? (
              <RunWalkthrough
                alert={selected}
                now={now}
                timezone={clock.timezone}
                role={role}
                parties={scenario.parties}
                onAcknowledge={commands.acknowledge}
                onStart={commands.startProtocol}
                onAct={commands.actInTrack}
                onAckParty={commands.ackPartyInTrack}
                onJump={commands.jumpToEntry}
                onDismissJump={commands.dismissSeverityPrompt}
                onWriteProduct={onWriteProduct}
              />
            ) : selected ? (
              <ProtocolWalkthrough
                alert={selected}
                now={now}
                timezone={clock.timezone}
                parties={scenario.parties}
                onAcknowledge={commands.acknowledge}
                onStart={commands.startProtocol}
                onAct={commands.act}
                onJump={commands.jumpToEntry}
                onDismissJump={commands.dismissSeverityPrompt}
                onAckParty={commands.ackParty}
              />
            ) : null}
          </AlertDetail>
          {role === 'controller' ? (
            <ControllerPanel
              showTruth={showTruth}
              onShowTruth={setShowTruth}
              tempo={tempo}
              onTempo={setTempo}
              onHotWash={onHotWash}
              onNote={onNote}
              onInject={onInject}
            />
          ) : runsClock ? (
            <AutoPauseSetting checked={autoPause} onChange={setAutoPause} />
          ) : null}
        </div>
      </div>
      {sheetOpen ? <ShortcutSheet onClose={() => setSheetOpen(false)} /> : null}
    </div>
  );
}

/** Memoised: an <input> re-rendered by React 19 has its name and type reset (a style invalidation) every frame. */
const AutoPauseSetting = memo(function AutoPauseSetting(props: {
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <label className="setting">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />{' '}
      Pause on a new critical alert above 60×
    </label>
  );
});
