/** A problem in a protocol document, located by JSON pointer (and step, when there is one). */
export interface ProtocolProblem {
  file: string;
  /** RFC 6901 JSON pointer into the document ('' is the whole document). */
  pointer: string;
  /** The step the problem concerns, when it concerns one. */
  step?: string;
  message: string;
}

/** Formats a problem as `<file>:<json-pointer>: <message>` (docs/SCENARIO-FORMAT.md section 7). */
export function formatProtocolProblem(problem: ProtocolProblem): string {
  const where = problem.step === undefined ? '' : `step "${problem.step}": `;
  return `${problem.file}:${problem.pointer}: ${where}${problem.message}`;
}

/** RFC 6901 pointer of a path. */
export function jsonPointer(path: readonly PropertyKey[]): string {
  return path
    .map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`)
    .join('');
}
