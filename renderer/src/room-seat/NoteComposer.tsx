import { useState, type FormEvent } from 'react';
import { AnswerLost, IntentDeclined, SeatReadOnly } from '../../../shared/room/room-seat';
import type { SeatSession } from './seat-session';

const MAX_NOTE = 4000;

/** Why a note was not logged, in the words the screen shows. */
export function noteRefusal(error: unknown): string {
  if (error instanceof SeatReadOnly) return `Not sent — read-only: ${error.message}`;
  if (error instanceof IntentDeclined) return `Refused by the host: ${error.message}`;
  if (error instanceof AnswerLost) return `No answer: ${error.message}`;
  return `Not sent: ${(error as Error).message}`;
}

/** A note to the room's log (operators, controllers, evaluators). */
export function NoteComposer({ session }: { session: SeatSession }) {
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const note = text.trim();
    if (note === '') {
      setOutcome({ ok: false, text: 'Write the note first.' });
      return;
    }
    setBusy(true);
    try {
      await session.send({ kind: 'note', text: note });
      setText('');
      setOutcome({ ok: true, text: `Logged (head ${session.seat.head.seq}).` });
    } catch (error) {
      setOutcome({ ok: false, text: noteRefusal(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="note-composer" onSubmit={(e) => void submit(e)} aria-labelledby="note-title">
      <h2 id="note-title">Note to the log</h2>
      <textarea
        name="note"
        rows={5}
        maxLength={MAX_NOTE}
        value={text}
        aria-label="Note text"
        onChange={(e) => setText(e.target.value)}
      />
      <div className="note-actions">
        <span className="muted">
          {text.length} / {MAX_NOTE}
        </span>
        <button type="submit" className="primary" disabled={busy}>
          Send note
        </button>
      </div>
      {outcome ? (
        <p
          role={outcome.ok ? 'status' : 'alert'}
          className={outcome.ok ? 'note-ok' : 'join-problem'}
          data-testid="note-outcome"
        >
          {outcome.text}
        </p>
      ) : null}
    </form>
  );
}
