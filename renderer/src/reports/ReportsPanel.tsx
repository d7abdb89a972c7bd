// The console's Reports: the mission's written products under protocol
// version 2 (spot reports, daily reports, requests for explanation, meeting
// summaries), each with its deadline counting down as a step's does, or
// marked overdue; the operator writes one from a text prefilled from the log
// and saves it (an engine intent: logged as `report-product`, so it is signed
// and exported), and prints it with the exercise marking on the sheet.
import { memo, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import {
  PRODUCT_TEXT_MAX,
  PRODUCT_TITLES,
  productState,
  type ProductView,
} from '../../../shared/exercise/report-products';
import type { ReportProduct } from '../../../shared/exercise/log-data';
import { DeadlineCountdown } from '../alerts/DeadlineCountdown';
import { formatExerciseClock, formatExerciseTime } from '../replay/exercise-time-format';
import { Dialog } from '../ui/Dialog';
import { usePanelOpen } from '../ui/window-height';
import {
  STATE_LABELS,
  exerciseMarking,
  listProducts,
  productTarget,
  writable,
} from './product-list';
import './reports.css';

export interface ReportsPanelProps {
  reports: readonly ProductView[];
  now: number;
  timezone: string;
  classification: string;
  /** Only an operator writes the mission's products; a controller reads them. */
  canWrite: boolean;
  /** The participant's name (the author of what they save). */
  actor: string;
  onSave(product: ReportProduct, text: string, alertId: string | null): Promise<void>;
  /**
   * A product to open in the editor (from the walkthrough's "Write the spot
   * report"); `seq` changes with each request, so asking twice opens it twice.
   */
  request?: WriteRequest | null;
}

/** Which product the walkthrough asks the panel to open, about which incident. */
export interface WriteRequest {
  product: ReportProduct;
  alertId: string | null;
  seq: number;
}

/** A product written, as the print view shows it. */
interface Sheet {
  title: string;
  product: ReportProduct;
  alertId: string | null;
  at: number;
  by: string;
  text: string;
}

/** Below a full-HD window's 1000 px the list is folded (see usePanelOpen). */
const FOLDED_WHEN = '(max-height: 999px)';

export const ReportsPanel = memo(function ReportsPanel(props: ReportsPanelProps) {
  const { reports, now, timezone } = props;
  // Below a full-HD window the list is folded, its counts (overdue in
  // red) in view, so the queue keeps its rows; one click unfolds it.
  const [open, setOpen] = usePanelOpen(FOLDED_WHEN);
  const [editing, setEditing] = useState<ProductView | null>(null);
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const listed = listProducts(reports, now);
  const request = props.request ?? null;
  // A new request opens the list, and the editor of the product it names when
  // it is still to write (one already written shows in the list instead).
  // Adjusted while rendering, as React advises for state that follows a prop.
  const [seenRequest, setSeenRequest] = useState(() => request?.seq ?? 0);
  if (request !== null && request.seq !== seenRequest) {
    setSeenRequest(request.seq);
    setOpen(true);
    const asked = reports.find(
      (p) =>
        p.product === request.product &&
        p.alertId === request.alertId &&
        props.canWrite &&
        writable(productState(p, now)),
    );
    if (asked) setEditing(asked);
  }
  const waiting = listed.filter((l) => writable(l.state)).length;
  const overdue = listed.filter((l) => l.state === 'breached').length;
  return (
    <section className="reports-panel" aria-labelledby="reports-heading" data-testid="reports">
      <header className="panel-header">
        <h2 id="reports-heading">
          <button
            type="button"
            className="reports-toggle"
            aria-expanded={open}
            aria-controls="reports-list"
            onClick={() => setOpen(!open)}
          >
            {open ? '▾' : '▸'} Reports
          </button>
        </h2>
        <span className="panel-meta" data-testid="reports-count">
          {waiting} to write
          {overdue > 0 ? <span className="error"> · {overdue} overdue</span> : null}
        </span>
      </header>
      {open ? (
        <ul id="reports-list" className="reports-list">
          {listed.length === 0 ? (
            <li className="muted report-item">No report is due yet.</li>
          ) : null}
          {listed.map(({ product: p, state }) => (
            <li
              key={p.key}
              className={`report-item report-${state}`}
              data-product={p.product}
              data-product-key={p.key}
              data-state={state}
              data-product-alert={p.alertId ?? ''}
            >
              <div className="report-line">
                <span className={`report-state report-state-${state}`}>{STATE_LABELS[state]}</span>
                <span className="report-title" title={p.title}>
                  {p.title}
                </span>
              </div>
              <div className="report-line report-meta">
                {p.written ? (
                  <span>
                    {formatExerciseClock(p.written.at, timezone)} by {p.written.by}
                  </span>
                ) : p.deadlineAt !== null ? (
                  <span>
                    by {formatExerciseClock(p.deadlineAt, timezone)}{' '}
                    {state === 'upcoming' ? null : (
                      <DeadlineCountdown
                        enteredAt={p.dueFrom}
                        deadlineAt={p.deadlineAt}
                        now={now}
                      />
                    )}
                  </span>
                ) : (
                  <span>no deadline</span>
                )}
                {p.written ? (
                  <button
                    type="button"
                    className="link"
                    onClick={() =>
                      setSheet({
                        title: p.title,
                        product: p.product,
                        alertId: p.alertId,
                        at: p.written!.at,
                        by: p.written!.by,
                        text: p.written!.text,
                      })
                    }
                  >
                    View / print
                  </button>
                ) : props.canWrite && writable(state) ? (
                  <button type="button" onClick={() => setEditing(p)}>
                    Write…
                  </button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {editing ? (
        <ProductEditor
          product={editing}
          now={now}
          timezone={timezone}
          onClose={() => setEditing(null)}
          onSave={async (text) => {
            const { product, alertId } = productTarget(editing);
            await props.onSave(product, text, alertId);
            setEditing(null);
            setSheet({ title: editing.title, product, alertId, at: now, by: props.actor, text });
          }}
        />
      ) : null}
      {sheet ? (
        <PrintView
          sheet={sheet}
          timezone={timezone}
          classification={props.classification}
          onClose={() => setSheet(null)}
        />
      ) : null}
    </section>
  );
});

function ProductEditor(props: {
  product: ProductView;
  now: number;
  timezone: string;
  onClose(): void;
  onSave(text: string): Promise<void>;
}) {
  const { product: p, timezone } = props;
  const [text, setText] = useState(p.prefill);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const length = text.trim().length;
  const tooLong = text.length > PRODUCT_TEXT_MAX;
  const name = PRODUCT_TITLES[p.product].toLowerCase();
  return (
    <Dialog open title={`Write: ${p.title}`} onClose={props.onClose} wide>
      <form
        className="product-editor"
        aria-label={`Write the ${name}`}
        onSubmit={(e) => {
          e.preventDefault();
          if (pending || length === 0 || tooLong) return;
          setPending(true);
          setError(null);
          props
            .onSave(text)
            .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
            .finally(() => setPending(false));
        }}
      >
        <dl className="product-facts">
          <dt>Product</dt>
          <dd>{PRODUCT_TITLES[p.product]}</dd>
          <dt>About</dt>
          <dd>
            {p.product === 'daily-report'
              ? 'every incident (the mission’s daily report)'
              : `incident ${p.alertId ?? ''}`}
          </dd>
          <dt>Due</dt>
          <dd>
            {p.deadlineAt === null ? (
              'no deadline'
            ) : (
              <>
                by {formatExerciseTime(p.deadlineAt, timezone)}{' '}
                <DeadlineCountdown
                  enteredAt={p.dueFrom}
                  deadlineAt={p.deadlineAt}
                  now={props.now}
                />
              </>
            )}
          </dd>
        </dl>
        <label className="product-text">
          <span>
            Text (prefilled from the log — edit before saving){' '}
            <span className={tooLong ? 'error' : 'muted'} data-testid="product-length">
              {text.length} / {PRODUCT_TEXT_MAX}
            </span>
          </span>
          <textarea
            name="text"
            aria-label={`Text of the ${name}`}
            rows={16}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        {error ? (
          <p role="alert" className="error">
            Not saved: {error}
          </p>
        ) : null}
        <div className="product-buttons">
          <button type="button" onClick={() => setText(p.prefill)} disabled={pending}>
            Reset to the prefill
          </button>
          <button
            type="submit"
            className="primary"
            disabled={pending || length === 0 || tooLong}
            aria-busy={pending}
          >
            {pending ? 'Saving…' : `Save ${name} to the log`}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The sheet as printed: the exercise marking above and below, the product, who wrote it and when. */
function ProductSheet(props: { sheet: Sheet; timezone: string; classification: string }) {
  const { sheet, timezone } = props;
  const marking = exerciseMarking(props.classification);
  return (
    <article className="product-sheet" aria-label={`${PRODUCT_TITLES[sheet.product]} (printable)`}>
      <p className="product-marking" data-testid="product-marking">
        {marking}
      </p>
      <h1>{PRODUCT_TITLES[sheet.product]}</h1>
      <dl className="product-facts">
        <dt>About</dt>
        <dd>{sheet.alertId === null ? 'every incident' : `incident ${sheet.alertId}`}</dd>
        <dt>Written</dt>
        <dd>
          {formatExerciseTime(sheet.at, timezone)} (exercise time), by {sheet.by}
        </dd>
      </dl>
      <pre className="product-body">{sheet.text}</pre>
      <p className="product-marking">{marking}</p>
    </article>
  );
}

/**
 * The print view: the sheet on screen, and — while it is open — a copy of it
 * straight under <body>, the only thing the print stylesheet lets through.
 */
function PrintView(props: {
  sheet: Sheet;
  timezone: string;
  classification: string;
  onClose(): void;
}) {
  useEffect(() => {
    document.body.classList.add('printing-product');
    return () => document.body.classList.remove('printing-product');
  }, []);
  return (
    <Dialog
      open
      title={`${PRODUCT_TITLES[props.sheet.product]} — print view`}
      onClose={props.onClose}
      wide
    >
      <div className="product-print-actions">
        <button type="button" className="primary" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <ProductSheet
        sheet={props.sheet}
        timezone={props.timezone}
        classification={props.classification}
      />
      {createPortal(
        <div className="product-print-root">
          <ProductSheet
            sheet={props.sheet}
            timezone={props.timezone}
            classification={props.classification}
          />
        </div>,
        document.body,
      )}
    </Dialog>
  );
}
