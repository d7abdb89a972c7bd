import { useState } from 'react';
import { msToZonedInput, zonedEndToMs, zonedInputToMs } from './log-time-format';

interface ZonedTimeFieldProps {
  id: string;
  label: string;
  /** The bound in force (epoch ms), or null for none. */
  value: number | null;
  timezone: string;
  /** An end bound: the typed minute (or second) is included whole. */
  end?: boolean;
  hintId: string;
  onChange(ms: number | null): void;
}

/**
 * A time typed as "yyyy-mm-dd hh:mm" in the exercise zone. What is typed is
 * kept as typed; the bound changes only when it reads as a time (or is
 * cleared), and text that does not read gets a message saying why. The
 * field owns its text: give it a new `key` to reset it to `value`.
 */
export function ZonedTimeField({
  id,
  label,
  value,
  timezone,
  end = false,
  hintId,
  onChange,
}: ZonedTimeFieldProps) {
  const read = end ? zonedEndToMs : zonedInputToMs;
  // The bound is set only from here; Clear filters gives the field a new key.
  const [draft, setDraft] = useState(() => msToZonedInput(value, timezone));
  const typed = draft.trim();
  const invalid = typed !== '' && read(typed, timezone) === null;
  const errorId = `${id}-error`;
  return (
    <div className="log-filter">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        placeholder="yyyy-mm-dd hh:mm"
        spellCheck={false}
        autoComplete="off"
        aria-invalid={invalid}
        aria-describedby={invalid ? `${errorId} ${hintId}` : hintId}
        value={draft}
        onChange={(e) => {
          const text = e.target.value;
          setDraft(text);
          if (text.trim() === '') onChange(null);
          else {
            const ms = read(text, timezone);
            if (ms !== null) onChange(ms);
          }
        }}
      />
      {invalid && (
        <span id={errorId} className="log-filter-error" role="alert">
          Not a date and time: type it as{' '}
          <span className="log-filter-format">yyyy-mm-dd hh:mm</span> (not applied)
        </span>
      )}
    </div>
  );
}
