import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './console-keys';

/** The keyboard shortcut sheet (opened with ?). */
export function ShortcutSheet({ onClose }: { onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="shortcut-backdrop" onClick={onClose}>
      <div
        ref={ref}
        className="shortcut-sheet panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcut-heading"
        tabIndex={-1}
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="shortcut-heading">Keyboard shortcuts</h2>
        <table>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.command}>
                <th scope="row">
                  <kbd>{s.keys}</kbd>
                </th>
                <td>{s.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
