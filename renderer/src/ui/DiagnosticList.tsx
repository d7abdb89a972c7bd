import './DiagnosticList.css';

/** Errors or warnings as a list a person can act on, one `file:line: field: message` each. */
export function DiagnosticList({
  title,
  lines,
  tone,
  limit = 200,
}: {
  title: string;
  lines: readonly string[];
  tone: 'error' | 'warning';
  limit?: number;
}) {
  if (lines.length === 0) return null;
  const shown = lines.slice(0, limit);
  return (
    <section
      className={`diagnostics diagnostics-${tone}`}
      aria-label={title}
      role={tone === 'error' ? 'alert' : undefined}
    >
      <h3>
        <span aria-hidden="true">{tone === 'error' ? '✖ ' : '⚠ '}</span>
        {title} ({lines.length})
      </h3>
      <ol>
        {shown.map((line, i) => (
          <li key={i} className="mono">
            {line}
          </li>
        ))}
      </ol>
      {lines.length > shown.length ? (
        <p className="muted">…and {lines.length - shown.length} more.</p>
      ) : null}
    </section>
  );
}
