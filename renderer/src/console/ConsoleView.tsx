// The operator console laid out for 1920×1080 (usable at 1280×800): transport
// on top; queue left; map and timeline centre; alert detail and protocol
// right. Everything reads one snapshot per animation frame from the session.
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { AlertDetail } from '../alerts/AlertDetail';
import { AlertQueue } from '../alerts/AlertQueue';
import { ScenarioMap } from '../map/ScenarioMap';
import { ProtocolWalkthrough } from '../protocol/ProtocolWalkthrough';
import { TransportBar } from '../replay/TransportBar';
import { usePlaybackLoop } from '../replay/use-playback-loop';
import { TimelineChart } from '../timeline/TimelineChart';
import { criticalAlertToPauseFor, criticalIds } from './auto-pause';
import { commandForKey, type ConsoleKeyCommand } from './console-keys';
import { ControllerPanel } from './ControllerPanel';
import { ShortcutSheet } from './ShortcutSheet';
import { useThrottled } from './use-throttled';
import type { ConsoleSession } from './view-model';
import './console.css';

export function ConsoleView({ session }: { session: ConsoleSession }) {
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const { scenario, commands, role } = session;
  const { clock, alerts } = snapshot;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [sheetOpen, setSheetOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // Why the clock stopped by itself: kept apart from `message` (which every
  // successful command clears) until the user resumes or dismisses it.
  const [pauseNotice, setPauseNotice] = useState<string | null>(null);
  const [autoPause, setAutoPause] = useState(true);
  const [showTruth, setShowTruth] = useState(false);
  const [busy, setBusy] = useState(false);

  const zoneNames = useMemo(
    () => new Map(scenario.zones.map((z) => [z.id, z.name] as const)),
    [scenario],
  );
  const selected = useMemo(
    () => alerts.find((a) => a.id === selectedId) ?? null,
    [alerts, selectedId],
  );

  const tick = useCallback((wallMs: number) => session.tick(wallMs), [session]);
  usePlaybackLoop(clock.playing && !snapshot.fault, tick);

  const run = useCallback(async (what: string, intent: () => Promise<void>) => {
    setBusy(true);
    try {
      await intent();
      setMessage(null);
    } catch (e) {
      setMessage(`${what}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  }, []);

  // Pause for a newly critical alert at high speed (a console setting).
  const seenCritical = useRef<Set<string>>(criticalIds(alerts));
  useEffect(() => {
    const alert = criticalAlertToPauseFor(
      seenCritical.current,
      alerts,
      clock.speed,
      clock.playing,
      autoPause,
    );
    seenCritical.current = criticalIds(alerts);
    if (alert) {
      setSelectedId(alert.id);
      void run('Auto-pause', () => commands.pause(`critical alert ${alert.id} opened`));
      setPauseNotice(`Paused: critical alert “${alert.title}” opened at ${clock.speed}×.`);
    }
  }, [alerts, clock.speed, clock.playing, autoPause, commands, run]);

  const onKey = useCallback(
    (command: ConsoleKeyCommand) => {
      const index = selectedId === null ? -1 : alerts.findIndex((a) => a.id === selectedId);
      switch (command) {
        case 'play-pause':
          if (!clock.playing) setPauseNotice(null);
          void run('Play/pause', () => (clock.playing ? commands.pause() : commands.play()));
          break;
        case 'step-event':
          void run('Step', () => commands.stepToNextEvent());
          break;
        case 'step-alert':
          void run('Step', () => commands.stepToNextAlert());
          break;
        case 'next-alert':
          if (alerts.length > 0) setSelectedId(alerts[Math.min(alerts.length - 1, index + 1)]!.id);
          break;
        case 'previous-alert':
          if (alerts.length > 0) setSelectedId(alerts[Math.max(0, index - 1)]!.id);
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
    [alerts, selectedId, selected, clock.playing, commands, run],
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
  // 1 Hz; the map's fading markers at 4 Hz. Each alert snapshot is a new
  // object, so the map's selected alert is throttled too (else it redraws per frame).
  const barAlerts = useThrottled(alerts, 1000);
  const chartNow = useThrottled(clock.now, 2000);
  const chartShown = useThrottled(snapshot.shownCount, 2000);
  const chartAlerts = useThrottled(alerts, 2000);
  const mapNow = useThrottled(clock.now, 250);
  const mapShown = useThrottled(snapshot.shownCount, 250);
  const mapSelected = useThrottled(selected, 250);
  const protocolStarted = alerts.some((a) => a.protocol !== null);

  return (
    <div className="console" data-testid="console" data-role={role}>
      <TransportBar
        classification={scenario.classification}
        title={scenario.title}
        clock={clock}
        alerts={barAlerts}
        busy={busy}
        canSeek={!protocolStarted && role === 'controller'}
        onPlayPause={() => onKey('play-pause')}
        onSpeed={(speed) => void run('Speed', () => commands.setSpeed(speed))}
        onStepEvent={() => onKey('step-event')}
        onStepAlert={() => onKey('step-alert')}
        onSeek={(to) => void run('Seek', () => commands.seek(to))}
        onShortcuts={() => setSheetOpen(true)}
      />
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
        <AlertQueue
          alerts={alerts}
          now={clock.now}
          selectedId={selectedId}
          zoneNames={zoneNames}
          onSelect={setSelectedId}
        />
        <div className="console-centre">
          <ScenarioMap
            scenario={scenario}
            now={mapNow}
            shownCount={mapShown}
            selected={mapSelected}
          />
          <TimelineChart
            scenario={scenario}
            now={chartNow}
            shownCount={chartShown}
            alerts={chartAlerts}
          />
        </div>
        <div className="console-right">
          <AlertDetail
            alert={selected}
            scenario={scenario}
            eventAt={session.eventAt}
            showGroundTruth={role === 'controller' && showTruth}
          >
            {selected ? (
              <ProtocolWalkthrough
                alert={selected}
                now={clock.now}
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
              autoPause={autoPause}
              onAutoPause={setAutoPause}
              onHotWash={() => void run('Hot wash', () => commands.pause('hot wash'))}
              onInject={(summary, extra) => run('Inject', () => commands.inject(summary, extra))}
            />
          ) : (
            <label className="setting">
              <input
                type="checkbox"
                checked={autoPause}
                onChange={(e) => setAutoPause(e.target.checked)}
              />{' '}
              Pause on a new critical alert above 60×
            </label>
          )}
        </div>
      </div>
      {sheetOpen ? <ShortcutSheet onClose={() => setSheetOpen(false)} /> : null}
    </div>
  );
}
