import { useEffect, useState, type FormEvent } from 'react';
import { parseJoinCode } from '../../../shared/room/join-code';
import { RoomSeat } from '../../../shared/room/room-seat';
import type { CopyCheck } from '../../../shared/room/seat-copy';
import type { SeatAssignment } from '../../../shared/room/seat-roles';
import { getAppDatabase } from '../app/app-database';
import { listSeatCopies, saveSeatCopy } from '../storage';
import { hashForSeat } from './seat-route';
import { roleLabel } from './seat-labels';

type AskedRole = SeatAssignment['role'];

const ROLES: { role: AskedRole; label: string; hint: string }[] = [
  { role: 'operator', label: 'Operator', hint: 'the mission’s monitors' },
  { role: 'party', label: 'Party liaison', hint: 'one party’s cell, or a SimCell playing several' },
  { role: 'controller', label: 'Controller', hint: 'exercise control' },
  { role: 'evaluator', label: 'Evaluator', hint: 'watches and writes evaluations' },
  { role: 'observer', label: 'Observer', hint: 'a projector: reads only' },
];

/** The parties typed as a list: commas, semicolons or spaces between them. */
export function partiesFrom(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((p) => p !== ''))];
}

/** Why the form cannot join yet, by field, or null. */
function formProblem(
  code: string,
  name: string,
  role: AskedRole,
  parties: string[],
): string | null {
  try {
    parseJoinCode(code);
  } catch (error) {
    return `Join code: ${(error as Error).message}`;
  }
  if (name.trim() === '') return 'Your name: enter the name the room will know you by.';
  if (name.trim().length > 80) return 'Your name: at most 80 characters.';
  if (role === 'party' && parties.length === 0) {
    return 'Parties: enter the party or parties you play (e.g. A, or A, B).';
  }
  if (parties.some((p) => p.length > 64)) return 'Parties: a party id has at most 64 characters.';
  return null;
}

export function JoinScreen({ code: initialCode }: { code: string }) {
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState('');
  const [role, setRole] = useState<AskedRole>('operator');
  const [partiesText, setPartiesText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [kept, setKept] = useState<CopyCheck[]>([]);

  useEffect(() => {
    let live = true;
    void getAppDatabase()
      .then(listSeatCopies)
      .then((copies) => {
        if (live) setKept(copies);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parties = partiesFrom(partiesText);
    const why = formProblem(code, name, role, parties);
    setProblem(why);
    if (why) return;
    setBusy(true);
    try {
      const request: SeatAssignment = role === 'party' ? { role, parties } : { role };
      const seat = new RoomSeat({ code, name: name.trim(), request });
      // Saved before the seat dials: a reload from here on comes back as this seat.
      await saveSeatCopy(await getAppDatabase(), {
        seatId: seat.seatId,
        code,
        saved: seat.saved(),
        updated: new Date().toISOString(),
      });
      window.location.hash = hashForSeat(seat.seatId);
    } catch (error) {
      setProblem(`The seat could not be kept in this browser: ${(error as Error).message}`);
      setBusy(false);
    }
  };

  return (
    <div className="join-screen">
      <section className="join-card" aria-labelledby="join-title">
        <h1 id="join-title">Join a room</h1>
        <p className="muted">
          The host gives the join code (or this address with the code in it). The host approves your
          seat and fixes its role.
        </p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <label className="join-field">
            <span>Join code</span>
            <input
              name="code"
              className="mono"
              value={code}
              autoComplete="off"
              spellCheck={false}
              placeholder="ABCD-EFGH-…"
              onChange={(e) => setCode(e.target.value)}
            />
          </label>
          <label className="join-field">
            <span>Your name</span>
            <input
              name="name"
              value={name}
              maxLength={80}
              autoComplete="name"
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          <fieldset className="join-roles">
            <legend>The role you ask for</legend>
            {ROLES.map((r) => (
              <label key={r.role} className="join-role">
                <input
                  type="radio"
                  name="role"
                  value={r.role}
                  checked={role === r.role}
                  onChange={() => setRole(r.role)}
                />
                <span>{r.label}</span>
                <span className="muted"> — {r.hint}</span>
              </label>
            ))}
          </fieldset>
          {role === 'party' ? (
            <label className="join-field">
              <span>Parties you play (e.g. A, or A, B)</span>
              <input
                name="parties"
                value={partiesText}
                autoComplete="off"
                onChange={(e) => setPartiesText(e.target.value)}
              />
            </label>
          ) : null}
          {problem ? (
            <p role="alert" className="join-problem">
              {problem}
            </p>
          ) : null}
          <button type="submit" className="primary" disabled={busy}>
            Join
          </button>
        </form>
      </section>
      {kept.length > 0 ? (
        <section className="join-card" aria-labelledby="kept-title">
          <h2 id="kept-title">Seats kept in this browser</h2>
          <ul className="join-kept">
            {kept.map((c) =>
              c.ok ? (
                <li key={c.copy.seatId}>
                  <a href={hashForSeat(c.copy.seatId)}>{c.copy.saved.name}</a>{' '}
                  <span className="muted">
                    {roleLabel(c.copy.saved.assignment ?? c.copy.saved.request)}
                    {c.copy.saved.exerciseId ? ` · ${c.copy.saved.exerciseId}` : ''} ·{' '}
                    {c.copy.saved.entries.length} entries
                  </span>
                </li>
              ) : (
                <li key={c.seatId} className="join-problem">
                  The stored copy of seat “{c.name}” is broken and not used: {c.reason}
                </li>
              ),
            )}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
