import './ProgressBar.css';

/** A labelled progress bar; `value` null means indeterminate. */
export function ProgressBar({
  label,
  value,
  detail,
}: {
  label: string;
  /** 0..1, or null when the total is unknown. */
  value: number | null;
  detail?: string;
}) {
  const percent = value === null ? null : Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div className="progress">
      <div className="progress-label">
        <span>{label}</span>
        <span className="muted">{percent === null ? '…' : `${percent}%`}</span>
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={detail}
      >
        <div
          className={percent === null ? 'progress-fill indeterminate' : 'progress-fill'}
          style={{ width: percent === null ? '30%' : `${percent}%` }}
        />
      </div>
      {detail ? <div className="progress-detail muted">{detail}</div> : null}
    </div>
  );
}
