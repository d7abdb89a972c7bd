// What JSON.parse lets through but a scenario cannot hold, found in a parsed
// document or feed record before anything else looks at it:
// - nesting deeper than MAX_JSON_DEPTH: the steps after parsing (schema,
//   canonical JSON for the content hash) recurse, and a deep enough value
//   overflowed the stack with no file or place named;
// - a lone UTF-16 surrogate (a `\ud800` escape without its pair): not Unicode
//   text, and RFC 8785 has no canonical form for it;
// - a number JSON.parse reads as ±Infinity (`1e999`): JSON.stringify writes it
//   as null, so two scenarios differing there would share one content hash.
// The walk is iterative, so that it cannot overflow the stack itself.
import { jsonPointer } from './diagnostics';

/** The deepest nesting of arrays and objects any document or record may have. */
export const MAX_JSON_DEPTH = 64;
/** Problems reported per value at most (the log stops at 100 errors anyway). */
const MAX_PROBLEMS = 100;
/** Path segments shown for a value nested too deeply; the rest is `…`. */
const SHOWN_DEPTH = 10;

export interface JsonValueProblem {
  /** Keys and indexes from the value checked to the problem. */
  path: readonly (string | number)[];
  /** The path was cut short for display (a value nested too deeply). */
  cut?: boolean;
  /** What is wrong, e.g. `lone surrogate U+D800`. */
  what: string;
  /** Why it cannot be loaded, when that needs saying. */
  why?: string;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');
const NONE: readonly JsonValueProblem[] = Object.freeze([]);

/** A container still to visit, linked to its parent for the path. */
interface Pending {
  value: object;
  depth: number;
  up: Pending | null;
  key: string | number;
}

function pathOf(item: Pending | null, last?: string | number): (string | number)[] {
  const path: (string | number)[] = last === undefined ? [] : [last];
  for (let at = item; at !== null && at.up !== null; at = at.up) path.push(at.key);
  return path.reverse();
}

/** `U+D800`: the first lone surrogate in a text known to hold one. */
function loneSurrogateIn(text: string): string {
  const unit = LONE_SURROGATE.exec(text)![0].charCodeAt(0);
  return `U+${unit.toString(16).toUpperCase()}`;
}

function surrogate(path: (string | number)[], text: string, inKey: boolean): JsonValueProblem {
  return {
    path,
    what: `lone surrogate ${loneSurrogateIn(text)}${inKey ? ' in a key' : ''}`,
    why: 'half of a UTF-16 pair, which is not Unicode text and has no RFC 8785 form',
  };
}

function outOfRange(path: (string | number)[], value: number): JsonValueProblem {
  return {
    path,
    what: 'number out of range',
    why: `it reads as ${value}, which JSON cannot hold (RFC 8785 refuses it); numbers must be finite`,
  };
}

/**
 * Whether an object's members are all primitives with nothing to report: the
 * common feed record, settled without allocating. Measured right after
 * JSON.parse of each line, as the loader runs it: about 0.1 µs an event, a
 * tenth of the parse.
 */
function flatAndSound(object: Record<string, unknown>, strings: boolean): boolean {
  for (const key in object) {
    const v = object[key];
    if (typeof v === 'object') {
      if (v !== null) return false;
    } else if (typeof v === 'number') {
      if (v - v !== 0) return false;
    } else if (strings && typeof v === 'string' && LONE_SURROGATE.test(v)) return false;
    if (strings && LONE_SURROGATE.test(key)) return false;
  }
  return true;
}

/**
 * Problems of a parsed JSON value (empty when there are none). `strings`:
 * look for lone surrogates, which only a `\u` escape in the text can make.
 */
export function jsonValueProblems(value: unknown, strings = true): readonly JsonValueProblem[] {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && value - value !== 0) return [outOfRange([], value)];
    if (strings && typeof value === 'string' && LONE_SURROGATE.test(value)) {
      return [surrogate([], value, false)];
    }
    return NONE;
  }
  if (!Array.isArray(value) && flatAndSound(value as Record<string, unknown>, strings)) {
    return NONE;
  }
  const problems: JsonValueProblem[] = [];
  const stack: Pending[] = [{ value, depth: 1, up: null, key: '' }];
  const member = (item: Pending, key: string | number, v: unknown, children: Pending[]) => {
    if (typeof v === 'object' && v !== null) {
      children.push({ value: v, depth: item.depth + 1, up: item, key });
    } else if (typeof v === 'number') {
      if (v - v !== 0) problems.push(outOfRange(pathOf(item, key), v));
    } else if (strings && typeof v === 'string' && LONE_SURROGATE.test(v)) {
      problems.push(surrogate(pathOf(item, key), v, false));
    }
  };
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const item = stack.pop()!;
    if (item.depth > MAX_JSON_DEPTH) {
      const path = pathOf(item);
      problems.push({
        path: path.slice(0, SHOWN_DEPTH),
        cut: path.length > SHOWN_DEPTH,
        what: `nesting deeper than ${MAX_JSON_DEPTH} levels`,
      });
      continue;
    }
    const children: Pending[] = [];
    if (Array.isArray(item.value)) {
      const list = item.value as unknown[];
      for (let i = 0; i < list.length; i++) member(item, i, list[i], children);
    } else {
      const object = item.value as Record<string, unknown>;
      for (const key of Object.keys(object)) {
        if (strings && LONE_SURROGATE.test(key)) {
          problems.push(surrogate(pathOf(item, key), key, true));
        }
        member(item, key, object[key], children);
      }
    }
    // Reversed, so that nested values are visited in document order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return problems.length > MAX_PROBLEMS ? problems.slice(0, MAX_PROBLEMS) : problems;
}

/** Lone surrogates written as `\uD800`, so that a key holding one can be shown. */
export function showLoneSurrogates(text: string): string {
  return text.replace(
    LONE_SURROGATES,
    (unit) => `\\u${unit.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** RFC 6901 pointer of a problem's path, readable (`…` marks a path cut short). */
export function problemPointer(problem: JsonValueProblem, base = ''): string {
  const pointer = jsonPointer(problem.path.map((key) => showLoneSurrogates(String(key))));
  return `${base}${pointer}${problem.cut ? '/…' : ''}`;
}

/**
 * The problem in words: `what at <pointer>: why` when the pointer is not
 * already shown where the diagnostic names its place, else `what: why`.
 */
export function problemMessage(problem: JsonValueProblem, withPointer: boolean): string {
  const at = withPointer && problem.path.length > 0 ? ` at ${problemPointer(problem)}` : '';
  return `${problem.what}${at}${problem.why === undefined ? '' : `: ${problem.why}`}`;
}
