/**
 * A small JSON reader that remembers the line each value starts on, so that a
 * hand-edited annotations file that is wrong gets a message naming the line (the
 * engine's `JSON.parse` names a character position, and not in every version).
 * Strict RFC 8259; nesting bounded so hostile input cannot exhaust the stack.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A parse error at a 1-based line. */
export class JsonLineError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
    this.name = 'JsonLineError';
  }
}

const MAX_DEPTH = 64;

/**
 * Parses `text` as JSON. `lineOf` receives every object and array with the line
 * it opens on. Throws JsonLineError.
 */
export function parseJsonWithLines(text: string, lineOf: Map<object, number>): JsonValue {
  let i = 0;
  let line = 1;
  const fail = (message: string): never => { throw new JsonLineError(line, message); };
  const ws = () => {
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r') break;
    }
  };
  const found = () => (i < text.length ? `'${text[i]}'` : 'the end of the file');
  const expect = (c: string) => {
    if (text[i] !== c) fail(`expected '${c}' but found ${found()}`);
    i++;
  };
  const str = (): string => {
    expect('"');
    let out = '';
    let from = i;
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const c = text.charCodeAt(i);
      if (c === 0x22) { out += text.slice(from, i); i++; return out; }
      if (c < 0x20) fail(c === 0x0a ? 'line break inside a string' : 'control character inside a string');
      if (c === 0x5c) {
        out += text.slice(from, i);
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in simple) { out += simple[e]; i += 2; }
        else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) { out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)); i += 6; }
        else fail('bad escape in a string');
        from = i;
        continue;
      }
      i++;
    }
  };
  const value = (depth: number): JsonValue => {
    if (depth > MAX_DEPTH) fail('nested too deeply');
    ws();
    const c = text[i];
    if (c === '{') {
      const obj: { [key: string]: JsonValue } = {};
      lineOf.set(obj, line);
      i++;
      ws();
      if (text[i] === '}') { i++; return obj; }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a key in quotes but found ${found()}`);
        const key = str();
        ws();
        expect(':');
        const v = value(depth + 1);
        if (Object.hasOwn(obj, key)) fail(`the key "${key}" appears twice`);
        Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return obj; }
        fail(`expected ',' or '}' but found ${found()}`);
      }
    }
    if (c === '[') {
      const arr: JsonValue[] = [];
      lineOf.set(arr, line);
      i++;
      ws();
      if (text[i] === ']') { i++; return arr; }
      for (;;) {
        arr.push(value(depth + 1));
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return arr; }
        fail(`expected ',' or ']' but found ${found()}`);
      }
    }
    if (c === '"') return str();
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (m && m[0]) { i += m[0].length; return Number(m[0]); }
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) { i += word.length; return v; }
    }
    return fail(`unexpected ${found()}`);
  };
  const v = value(0);
  ws();
  if (i < text.length) fail(`unexpected ${found()} after the end of the data`);
  return v;
}
