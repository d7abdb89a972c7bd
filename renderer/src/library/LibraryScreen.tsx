import { useEffect, useState } from 'react';
import { useAppStore } from '../app/app-context';
import type { Participant } from '../app/app-store';
import { Dialog } from '../ui/Dialog';
import { useFileDrop } from '../ui/use-file-drop';
import { BriefingText } from './BriefingText';
import { ImportPanel } from './ImportPanel';
import { launchExercise, resumeExercise } from './launch-exercise';
import { ExerciseList } from './ExerciseList';
import { importPickedFiles, removeImportedScenario, startLibrary } from './library-actions';
import { useLibraryState, useLibraryStore } from './library-context';
import type { LibraryCard } from './library-store';
import { ScenarioCardView } from './ScenarioCardView';
import { StartExerciseDialog } from './StartExerciseDialog';
import './LibraryScreen.css';

export function LibraryScreen() {
  const app = useAppStore();
  const library = useLibraryStore();
  const cards = useLibraryState((s) => s.cards);
  const indexError = useLibraryState((s) => s.indexError);
  const selectedCard = useLibraryState((s) => s.selectedCard);
  const [starting, setStarting] = useState<LibraryCard | null>(null);
  const [resumeId, setResumeId] = useState<string | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reading, setReading] = useState<LibraryCard | null>(null);

  useEffect(() => startLibrary(library), [library]);

  const drop = useFileDrop(async (files) => {
    if (files.length > 0) await importPickedFiles(library, files);
  });
  const ready = starting?.state.status === 'ready' ? starting.state : null;

  // Never rejects: a failure is shown in the start dialog.
  const startExercise = async (participant: Participant): Promise<void> => {
    if (!starting || !ready) return;
    setBusy(true);
    try {
      const active = { scenario: ready.scenario, origin: starting.origin };
      if (resumeId) resumeExercise(app, active, resumeId, participant);
      else await launchExercise(app, active, participant);
      setStarting(null);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setStartError(`The exercise could not be started: ${reason}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={drop.dragging ? 'library dragging' : 'library'} {...drop.target}>
      <h1>Library</h1>
      <ImportPanel />
      {indexError ? (
        <p className="status status-bad" role="alert">
          {indexError}
        </p>
      ) : null}
      <h2>Scenarios</h2>
      {cards.length === 0 && !indexError ? <p className="muted">No scenarios yet.</p> : null}
      <div className="scenario-grid">
        {cards.map((card) => (
          <ScenarioCardView
            key={card.key}
            card={card}
            selected={card.key === selectedCard?.key ? selectedCard.request : null}
            onStart={(c) => {
              setStartError(null);
              setResumeId(null);
              setStarting(c);
            }}
            onBriefing={setReading}
            onRemove={
              card.origin.kind === 'imported'
                ? (c) => void removeImportedScenario(library, c.key)
                : undefined
            }
          />
        ))}
      </div>
      <h2>Exercises</h2>
      <ExerciseList
        cards={cards}
        onResume={(exercise, card) => {
          setStartError(null);
          setResumeId(exercise.id);
          setStarting(card);
        }}
      />
      <StartExerciseDialog
        key={`${starting?.key ?? 'none'}:${resumeId ?? ''}`}
        resumeId={resumeId}
        open={ready !== null}
        summary={ready?.summary ?? null}
        briefing={ready?.scenario.briefing ?? null}
        busy={busy}
        error={startError}
        onCancel={() => setStarting(null)}
        onStart={(participant) => void startExercise(participant)}
      />
      <Dialog
        open={reading?.state.status === 'ready'}
        title={
          reading?.state.status === 'ready'
            ? `Briefing — ${reading.state.summary.title}`
            : 'Briefing'
        }
        onClose={() => setReading(null)}
        wide
      >
        {reading?.state.status === 'ready' && reading.state.scenario.briefing ? (
          <BriefingText source={reading.state.scenario.briefing} />
        ) : null}
      </Dialog>
    </section>
  );
}
