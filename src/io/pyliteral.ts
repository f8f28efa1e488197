// Reads the Python literals a .npy header is made of -- what NumPy evaluates
// with ast.literal_eval: dicts, tuples, lists, strings, integers and
// True/False/None. Nothing is executed; anything else is a syntax error.

/** A Python tuple, kept apart from lists because the header's shape must be one. */
export class PyTuple {
  constructor(readonly items: readonly PyValue[]) {}
}

export type PyValue =
  | string
  | bigint
  | boolean
  | null
  | PyTuple
  | readonly PyValue[]
  | ReadonlyMap<string, PyValue>;

export interface LiteralOptions {
  /** Accept Python 2 long integers ('3L'), as NumPy does for format versions 1 and 2. */
  readonly longSuffix: boolean;
}

/** Real headers nest a few levels (structured dtypes); this bounds the recursion. */
const MAX_DEPTH = 64;

const NAMES: Readonly<Record<string, PyValue>> = { True: true, False: false, None: null };

const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  n: '\n',
  r: '\r',
  t: '\t',
  '0': '\0',
};

/** Hex digits after \x, \u and \U. */
const HEX_ESCAPES: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/** Python's whitespace between tokens (a header ends in spaces and a newline). */
const BLANK = /[ \t\r\n\f]*/y;
const INTEGER = /[+-]?[0-9]+/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

class Reader {
  #pos = 0;
  #depth = 0;
  readonly #text: string;
  readonly #options: LiteralOptions;
  readonly #bad: (detail: string) => Error;

  constructor(text: string, options: LiteralOptions, bad: (detail: string) => Error) {
    this.#text = text;
    this.#options = options;
    this.#bad = bad;
  }

  fail(what: string): Error {
    const near = JSON.stringify(this.#text.slice(this.#pos, this.#pos + 20));
    return this.#bad(
      `the header is not a Python literal: ${what} at offset ${this.#pos} (${near})`,
    );
  }

  #match(re: RegExp): string | null {
    re.lastIndex = this.#pos;
    const m = re.exec(this.#text);
    if (m === null) return null;
    this.#pos = re.lastIndex;
    return m[0];
  }

  #peek(): string {
    this.#match(BLANK);
    return this.#text[this.#pos] ?? '';
  }

  #expect(ch: string): void {
    if (this.#peek() !== ch) throw this.fail(`expected '${ch}'`);
    this.#pos++;
  }

  atEnd(): boolean {
    return this.#peek() === '';
  }

  value(): PyValue {
    if (++this.#depth > MAX_DEPTH) throw this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
    const v = this.#scalarOrContainer();
    this.#depth--;
    return v;
  }

  #scalarOrContainer(): PyValue {
    const ch = this.#peek();
    if (ch === '{') return this.#dict();
    if (ch === '(') return this.#tuple();
    if (ch === '[') return this.#list();
    if (ch === "'" || ch === '"') return this.#string(ch);
    const int = this.#match(INTEGER);
    if (int !== null) {
      if (this.#options.longSuffix && this.#text[this.#pos] === 'L') this.#pos++;
      return BigInt(int);
    }
    const name = this.#match(NAME);
    if (name !== null && Object.hasOwn(NAMES, name)) return NAMES[name];
    throw this.fail('unexpected token');
  }

  /** Comma-separated items up to `close`; whether a comma followed the last one. */
  #items<T>(close: string, item: () => T): { items: T[]; trailingComma: boolean } {
    const items: T[] = [];
    let comma = true;
    while (this.#peek() !== close) {
      if (!comma) throw this.fail(`expected ',' or '${close}'`);
      items.push(item());
      comma = this.#peek() === ',';
      if (comma) this.#pos++;
    }
    this.#pos++;
    return { items, trailingComma: comma && items.length > 0 };
  }

  #list(): PyValue[] {
    this.#expect('[');
    return this.#items(']', () => this.value()).items;
  }

  #tuple(): PyValue {
    this.#expect('(');
    const { items, trailingComma } = this.#items(')', () => this.value());
    // '(x)' is a parenthesised value, not a tuple: only a comma makes one.
    return items.length === 1 && !trailingComma ? items[0] : new PyTuple(items);
  }

  #dict(): ReadonlyMap<string, PyValue> {
    this.#expect('{');
    const entries = this.#items('}', (): [string, PyValue] => {
      const key = this.value();
      if (typeof key !== 'string') throw this.fail('a dictionary key that is not a string');
      this.#expect(':');
      return [key, this.value()];
    });
    return new Map(entries.items);
  }

  #string(quote: string): string {
    this.#pos++;
    let out = '';
    for (;;) {
      const ch = this.#text[this.#pos++];
      if (ch === undefined || ch === '\n') throw this.fail('an unterminated string');
      if (ch === quote) return out;
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const esc = this.#text[this.#pos++] ?? '';
      const digits = HEX_ESCAPES[esc];
      if (digits !== undefined) {
        const hex = this.#text.slice(this.#pos, this.#pos + digits);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) throw this.fail('a bad escape');
        out += String.fromCodePoint(Number.parseInt(hex, 16));
        this.#pos += digits;
      } else if (Object.hasOwn(ESCAPES, esc)) out += ESCAPES[esc];
      else throw this.fail('an unsupported escape');
    }
  }
}

/**
 * Parses one Python literal filling all of `text` (surrounding blanks allowed);
 * errors are built by `bad` from a detail naming the offset.
 */
export function parsePyLiteral(
  text: string,
  options: LiteralOptions,
  bad: (detail: string) => Error,
): PyValue {
  const reader = new Reader(text, options, bad);
  const value = reader.value();
  if (!reader.atEnd()) throw reader.fail('text after the literal');
  return value;
}
