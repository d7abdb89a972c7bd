// The tempo rules of one exercise, kept in this browser's local storage under
// the exercise id: the controller sets them in the Controller panel, and the
// operator's console of the same exercise (a resume in the operator's role, on
// this machine) plays by them. Kept only in React state, they were the
// controller's alone, and an operator at 300x could never have the clock
// pause for an alert entering the protocol (the controller, who could, may
// not take the operator's triage actions).
import { useCallback, useState, type Dispatch, type SetStateAction } from 'react';
import { DEFAULT_TEMPO_RULES, TEMPO_TRIGGERS, type TempoRules } from './tempo-rules';

const key = (exerciseId: string) => `truceline.tempo-rules.${exerciseId}`;

/**
 * Rules read back from storage: a trigger that is not one of TEMPO_TRIGGERS is
 * dropped, an action that is neither "pause" nor a speed above 0 falls back to
 * the default's, and anything unreadable gives the default rules.
 */
export function parseTempoRules(json: string | null): TempoRules {
  let raw: unknown;
  try {
    raw = json === null ? null : JSON.parse(json);
  } catch {
    return DEFAULT_TEMPO_RULES;
  }
  if (typeof raw !== 'object' || raw === null) return DEFAULT_TEMPO_RULES;
  const r = raw as Record<string, unknown>;
  const on = Array.isArray(r.on)
    ? TEMPO_TRIGGERS.map((t) => t.id).filter((id) => (r.on as unknown[]).includes(id))
    : DEFAULT_TEMPO_RULES.on;
  const then =
    r.then === 'pause' || (typeof r.then === 'number' && Number.isFinite(r.then) && r.then > 0)
      ? r.then
      : DEFAULT_TEMPO_RULES.then;
  return { on, then };
}

function read(exerciseId: string | null): TempoRules {
  if (exerciseId === null) return DEFAULT_TEMPO_RULES;
  try {
    return parseTempoRules(localStorage.getItem(key(exerciseId)));
  } catch {
    // Storage refused (privacy mode): the default rules.
    return DEFAULT_TEMPO_RULES;
  }
}

/** The exercise's tempo rules and their setter (a value or an update, as setState takes). */
export function useTempoRules(
  exerciseId: string | null,
): [TempoRules, Dispatch<SetStateAction<TempoRules>>] {
  const [rules, setRules] = useState(() => read(exerciseId));
  const update = useCallback(
    (next: SetStateAction<TempoRules>) =>
      setRules((current) => {
        const value = typeof next === 'function' ? next(current) : next;
        if (exerciseId !== null) {
          try {
            localStorage.setItem(key(exerciseId), JSON.stringify(value));
          } catch {
            // Not kept for the next session; the rules still apply in this one.
          }
        }
        return value;
      }),
    [exerciseId],
  );
  return [rules, update];
}
