// Where and why a text is not JSON. JSON.parse's messages differ between
// engines and Node 20's often give no position, but authors need a column:
// this small scanner is run only after JSON.parse has failed.

/** The first problem in a text that is not valid JSON. */
export interface JsonProblem {
  /** 0-based offset into the text. */
  offset: number;
  message: string;
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const WS = new Set([32, 9, 10, 13]);

function describeAt(text: string, i: number): string {
  if (i >= text.length) return 'the end of the text';
  return JSON.stringify(text[i]);
}

/** Finds the first JSON syntax problem in `text` (null if there is none). */
export function locateJsonError(text: string): JsonProblem | null {
  let i = 0;
  const skip = () => {
    while (i < text.length && WS.has(text.charCodeAt(i))) i++;
  };
  const fail = (message: string): never => {
    throw new Stop(i, message);
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`expected a value, found ${describeAt(text, i)}`);
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= text.length) fail('a string is not closed');
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 32) fail('a string contains a raw control character (line break or tab); escape it');
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            fail('a \\u escape needs 4 hex digits');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(`unknown escape \\${e ?? ''} in a string`);
      } else i++;
    }
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0].length === 0) fail(`expected a value, found ${describeAt(text, i)}`);
    i += m![0].length;
  };
  const value = (depth: number): void => {
    if (depth > 500) fail('nested too deeply');
    skip();
    const c = text[i];
    if (c === '{') {
      i++;
      skip();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        skip();
        if (text[i] !== '"')
          fail(`expected a property name in double quotes, found ${describeAt(text, i)}`);
        string();
        skip();
        if (text[i] !== ':')
          fail(`expected ":" after a property name, found ${describeAt(text, i)}`);
        i++;
        value(depth + 1);
        skip();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(`expected "," or "}" after a property value, found ${describeAt(text, i)}`);
      }
    }
    if (c === '[') {
      i++;
      skip();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        skip();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(`expected "," or "]" after a list item, found ${describeAt(text, i)}`);
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    return number();
  };
  try {
    value(0);
    skip();
    if (i < text.length) fail(`unexpected text after the JSON value: ${describeAt(text, i)}`);
    return null;
  } catch (error) {
    if (error instanceof Stop) return { offset: error.offset, message: error.message };
    throw error;
  }
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
