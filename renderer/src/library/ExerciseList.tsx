import { useEffect, useState } from 'react';
import { getAppDatabase } from '../app/app-database';
import { listExercises, type ExerciseRecord } from '../storage';
import type { LibraryCard } from './library-store';
import './ExerciseList.css';

type Listing =
  | { status: 'loading' }
  | { status: 'ready'; exercises: ExerciseRecord[] }
  | { status: 'failed'; message: string };

/** Exercises stored on this installation, in progress and finished, with Resume. */
export function ExerciseList({
  cards,
  onResume,
}: {
  cards: readonly LibraryCard[];
  onResume: (exercise: ExerciseRecord, card: LibraryCard) => void;
}) {
  const [listing, setListing] = useState<Listing>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    getAppDatabase()
      .then((db) => listExercises(db))
      .then(
        (exercises) => live && setListing({ status: 'ready', exercises }),
        (error: unknown) =>
          live &&
          setListing({
            status: 'failed',
            message: error instanceof Error ? error.message : String(error),
          }),
      );
    return () => {
      live = false;
    };
  }, []);
  if (listing.status === 'loading') return <p className="muted">Reading stored exercises…</p>;
  if (listing.status === 'failed') {
    return (
      <p className="status status-bad" role="alert">
        Stored exercises could not be read: {listing.message}
      </p>
    );
  }
  if (listing.exercises.length === 0) {
    return <p className="muted">No exercises yet. Start one from a scenario above.</p>;
  }
  const cardFor = (hash: string) =>
    cards.find((c) => c.state.status === 'ready' && c.state.scenario.hash === hash);
  return (
    <table className="exercise-list" aria-label="Exercises">
      <thead>
        <tr>
          <th scope="col">Exercise</th>
          <th scope="col">Status</th>
          <th scope="col">Created (UTC)</th>
          <th scope="col">Last change (UTC)</th>
          <th scope="col">Action</th>
        </tr>
      </thead>
      <tbody>
        {listing.exercises.map((exercise) => {
          const card = cardFor(exercise.scenario_hash);
          return (
            <tr key={exercise.id}>
              <td>
                <strong>{exercise.title}</strong>
                <div className="muted mono">{exercise.id}</div>
              </td>
              <td>{exercise.status === 'active' ? '▶ In progress' : '■ Finished'}</td>
              <td className="mono">{exercise.created.replace('T', ' ').slice(0, 16)}</td>
              <td className="mono">{exercise.updated.replace('T', ' ').slice(0, 16)}</td>
              <td>
                {card ? (
                  <button type="button" onClick={() => onResume(exercise, card)}>
                    {exercise.status === 'active' ? 'Resume' : 'Open'}
                  </button>
                ) : (
                  <span className="muted">
                    Scenario {exercise.scenario_id} ({exercise.scenario_hash.slice(0, 8)}…) is not
                    in the Library: import it to resume.
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
