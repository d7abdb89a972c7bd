// Diagnostics in the forms of docs/SCENARIO-FORMAT.md section 7, and the collector
// that enforces "up to 100 errors, then stop".
import type { Diagnostic } from './loaded-scenario';

export const MAX_ERRORS = 100;
export const MAX_WARNINGS = 100;

/**
 * `<file>:<line>[:<column>]: <field>: <message>` for feed records,
 * `<file>:<json-pointer>: <message>` for JSON documents, `<file>: <message>` otherwise.
 */
export function formatDiagnostic(d: Diagnostic): string {
  if (d.line !== undefined) {
    const at = d.column !== undefined ? `${d.line}:${d.column}` : `${d.line}`;
    return d.field ? `${d.file}:${at}: ${d.field}: ${d.message}` : `${d.file}:${at}: ${d.message}`;
  }
  if (d.pointer) return `${d.file}:${d.pointer}: ${d.message}`;
  return `${d.file}: ${d.message}`;
}

/** Thrown (and caught by the loader) once the error limit is reached. */
export class TooManyErrors extends Error {
  constructor() {
    super(`stopped after ${MAX_ERRORS} errors`);
  }
}

/** Collects errors and warnings; throws TooManyErrors at the limit. */
export class DiagnosticLog {
  readonly errors: Diagnostic[] = [];
  readonly warnings: Diagnostic[] = [];
  private warningsDropped = 0;

  error(d: Diagnostic): void {
    this.errors.push(d);
    if (this.errors.length >= MAX_ERRORS) throw new TooManyErrors();
  }

  warn(d: Diagnostic): void {
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push(d);
    else this.warningsDropped++;
  }

  get failed(): boolean {
    return this.errors.length > 0;
  }

  /** Warnings, with a last line saying how many were left out. */
  finalWarnings(file: string): Diagnostic[] {
    if (this.warningsDropped === 0) return this.warnings;
    return [...this.warnings, { file, message: `${this.warningsDropped} more warnings not shown` }];
  }
}

/** RFC 6901 JSON pointer of a path of keys and indexes. */
export function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((key) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** A value shown in a message: JSON, cut to a readable length. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    // undefined for a function or symbol, whatever the type says.
    text = (JSON.stringify(value) as string | undefined) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
