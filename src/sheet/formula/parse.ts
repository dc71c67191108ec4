/**
 * Parsing Excel formulas ("=IF(ISNUMBER('自评依据'!E2),…)") into a small syntax tree, for the
 * evaluator that recomputes a workbook the way a spreadsheet would. It reads the A1 syntax that
 * .xlsx files store (no R1C1, no structured table references); anything else is refused with an
 * Unsupported error so that the caller keeps the file's own cached result instead of guessing.
 */
import { CELL_ERRORS, type Area, type CellError } from "../grid";

export type FormulaNode =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "bool"; v: boolean }
  | { t: "err"; v: CellError }
  | { t: "missing" }
  /** A cell, an area, whole columns or whole rows; `sheet` absent means the formula's own sheet. */
  | { t: "ref"; sheet?: string; area: Area }
  | { t: "name"; name: string; sheet?: string }
  | { t: "call"; name: string; args: FormulaNode[] }
  | { t: "neg"; x: FormulaNode }
  | { t: "percent"; x: FormulaNode }
  | { t: "bin"; op: BinaryOp; a: FormulaNode; b: FormulaNode }
  | { t: "array"; rows: FormulaNode[][] };

export type BinaryOp = "+" | "-" | "*" | "/" | "^" | "&" | "=" | "<>" | "<" | ">" | "<=" | ">=";

/** A formula the evaluator does not read: the file's cached result stands. */
export class Unsupported extends Error {}

const MAX_ROW = 1048575;
const MAX_COL = 16383;

type Token =
  | { k: "num"; v: number }
  | { k: "str"; v: string }
  | { k: "err"; v: CellError }
  | { k: "ref"; sheet?: string; area: Area }
  | { k: "word"; v: string; sheet?: string }
  | { k: "func"; v: string }
  | { k: "op"; v: string };

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?([0-9]{1,7})$/;

/** "A1", "$B$3", "A1:C9", "A:A", "3:5" → an area, or undefined when the text is none of these. */
function areaOf(text: string): Area | undefined {
  const parts = text.split(":");
  if (parts.length > 2) return undefined;
  if (parts.length === 1) {
    const m = CELL.exec(parts[0]);
    if (!m) return undefined;
    const col = columnNumber(m[1].toUpperCase());
    const row = Number(m[2]) - 1;
    if (col > MAX_COL || row < 0 || row > MAX_ROW) return undefined;
    return { top: row, left: col, bottom: row, right: col };
  }
  const [a, b] = parts;
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb) {
    const s = areaOf(a);
    const e = areaOf(b);
    if (!s || !e) return undefined;
    return {
      top: Math.min(s.top, e.top),
      left: Math.min(s.left, e.left),
      bottom: Math.max(s.bottom, e.bottom),
      right: Math.max(s.right, e.right),
    };
  }
  const cola = COLUMN.exec(a);
  const colb = COLUMN.exec(b);
  if (cola && colb) {
    const l = columnNumber(cola[1].toUpperCase());
    const r = columnNumber(colb[1].toUpperCase());
    if (l > MAX_COL || r > MAX_COL) return undefined;
    return { top: 0, left: Math.min(l, r), bottom: MAX_ROW, right: Math.max(l, r) };
  }
  const rowa = ROW.exec(a);
  const rowb = ROW.exec(b);
  if (rowa && rowb) {
    const t = Number(rowa[1]) - 1;
    const u = Number(rowb[1]) - 1;
    if (t < 0 || u < 0 || t > MAX_ROW || u > MAX_ROW) return undefined;
    return { top: Math.min(t, u), left: 0, bottom: Math.max(t, u), right: MAX_COL };
  }
  return undefined;
}

/** Characters a name, a function or an unquoted sheet name may hold (letters of any script, digits, _ . \). */
function isWordChar(ch: string): boolean {
  return /[A-Za-z0-9_.\\$]/.test(ch) || ch.charCodeAt(0) > 127;
}

/** One step of the formula lexer: the token read (none for white space) and where the next one starts. */
interface Lexed {
  token?: Token;
  end: number;
}

function tokenize(formula: string): Token[] {
  const s = formula.replace(/^=/, "");
  const tokens: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const step = lexAt(s, i);
    if (step.token) tokens.push(step.token);
    i = step.end;
  }
  return tokens;
}

/** The token at `i`, by its first character. */
function lexAt(s: string, i: number): Lexed {
  const ch = s[i];
  if (ch === " " || ch === "\n" || ch === "\r" || ch === "\t") return { end: i + 1 };
  if (ch === '"') {
    const text = quoted(s, i, '"', "unterminated string");
    return { token: { k: "str", v: text.value }, end: text.end };
  }
  if (ch === "#") return errorLiteral(s, i);
  if (/[0-9.]/.test(ch)) return numberOrRows(s, i);
  if (ch === "'") {
    // A quoted sheet name: 'Name with ''quotes'''!A1
    const name = quoted(s, i, "'", "unterminated sheet name");
    if (s[name.end] !== "!") throw new Unsupported("quoted name without !");
    return referenceAfterSheet(s, name.end + 1, name.value);
  }
  if (ch === "[") throw new Unsupported("external or structured reference");
  if (isWordChar(ch)) return wordAt(s, i);
  return operatorAt(s, i);
}

/** Text between quotes, a doubled quote standing for one: "say ""yes""", 'O''Brien'. */
function quoted(s: string, start: number, quote: string, unterminated: string): { value: string; end: number } {
  let value = "";
  let i = start + 1;
  for (;;) {
    if (i >= s.length) throw new Unsupported(unterminated);
    if (s[i] === quote) {
      if (s[i + 1] !== quote) return { value, end: i + 1 };
      value += quote;
      i += 2;
      continue;
    }
    value += s[i++];
  }
}

/** An error literal: #N/A, #DIV/0! …. */
function errorLiteral(s: string, i: number): Lexed {
  const error = CELL_ERRORS.find((e) => s.substr(i, e.length).toUpperCase() === e);
  if (!error) throw new Unsupported("unknown error literal");
  return { token: { k: "err", v: error }, end: i + error.length };
}

/** A number (3, 0.5, .5, 1e3), or a range of rows ("3:5") that starts like one. */
function numberOrRows(s: string, i: number): Lexed {
  const m = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(s.slice(i));
  const rows = /^\$?[0-9]+:\$?[0-9]+/.exec(s.slice(i));
  if (rows && (!m || rows[0].length > m[0].length)) {
    const area = areaOf(rows[0]);
    if (!area) throw new Unsupported("bad row range");
    return { token: { k: "ref", area }, end: i + rows[0].length };
  }
  if (!m) throw new Unsupported("bad number");
  return { token: { k: "num", v: Number(m[0]) }, end: i + m[0].length };
}

/** A word: a function before "(", a reference (A1, A1:B2, A:C), a sheet before "!", else a name. */
function wordAt(s: string, i: number): Lexed {
  let j = i;
  while (j < s.length && isWordChar(s[j])) j++;
  let word = s.slice(i, j);
  // A range "A1:B2" or "A:C" continues past the colon.
  if (s[j] === ":") {
    const m = /^:\$?[A-Za-z]{0,3}\$?[0-9]{0,7}/.exec(s.slice(j));
    if (m && m[0].length > 1 && areaOf(word + m[0])) {
      word += m[0];
      j += m[0].length;
    }
  }
  if (s[j] === "!") return referenceAfterSheet(s, j + 1, word);
  if (s[j] === "(") return { token: { k: "func", v: word.toUpperCase().replace(/^_XLFN\.|^_XLWS\./, "") }, end: j + 1 };
  const area = areaOf(word);
  return { token: area ? { k: "ref", area } : { k: "word", v: word }, end: j };
}

/** An operator or punctuation: <= >= <> + - * / ^ & = < > % ( ) , ; { } :. */
function operatorAt(s: string, i: number): Lexed {
  const two = s.substr(i, 2);
  if (two === "<=" || two === ">=" || two === "<>") return { token: { k: "op", v: two }, end: i + 2 };
  const ch = s[i];
  if ("+-*/^&=<>%(),;{}:".indexOf(ch) >= 0) return { token: { k: "op", v: ch }, end: i + 1 };
  throw new Unsupported("unexpected character " + ch);
}

/** After "Sheet!": a cell, an area, or a name scoped to that sheet. */
function referenceAfterSheet(s: string, start: number, sheet: string): Lexed {
  const m =
    /^(\$?[A-Za-z]{1,3}\$?[0-9]{1,7}(?::\$?[A-Za-z]{1,3}\$?[0-9]{1,7})?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?[0-9]{1,7}:\$?[0-9]{1,7})/.exec(
      s.slice(start)
    );
  if (m) {
    const next = s[start + m[0].length];
    const area = areaOf(m[0]);
    if (area && !(next !== undefined && isWordChar(next)) && next !== "(") {
      return { token: { k: "ref", sheet, area }, end: start + m[0].length };
    }
  }
  let j = start;
  while (j < s.length && isWordChar(s[j])) j++;
  if (j === start) throw new Unsupported("nothing after !");
  return { token: { k: "word", v: s.slice(start, j), sheet }, end: j };
}

/** Recursive descent over Excel's precedence: comparison < & < + - < * / < ^ < % < unary - < atoms. */
class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): FormulaNode {
    if (!this.tokens.length) throw new Unsupported("empty formula");
    const node = this.comparison();
    if (this.i < this.tokens.length) throw new Unsupported("trailing tokens");
    return node;
  }

  private peekOp(): string | undefined {
    const t = this.tokens[this.i];
    return t && t.k === "op" ? t.v : undefined;
  }

  private expect(op: string): void {
    if (this.peekOp() !== op) throw new Unsupported("expected " + op);
    this.i++;
  }

  private comparison(): FormulaNode {
    let a = this.concat();
    for (;;) {
      const op = this.peekOp();
      if (op !== "=" && op !== "<>" && op !== "<" && op !== ">" && op !== "<=" && op !== ">=") return a;
      this.i++;
      a = { t: "bin", op, a, b: this.concat() };
    }
  }

  private concat(): FormulaNode {
    let a = this.additive();
    while (this.peekOp() === "&") {
      this.i++;
      a = { t: "bin", op: "&", a, b: this.additive() };
    }
    return a;
  }

  private additive(): FormulaNode {
    let a = this.multiplicative();
    for (;;) {
      const op = this.peekOp();
      if (op !== "+" && op !== "-") return a;
      this.i++;
      a = { t: "bin", op, a, b: this.multiplicative() };
    }
  }

  private multiplicative(): FormulaNode {
    let a = this.power();
    for (;;) {
      const op = this.peekOp();
      if (op !== "*" && op !== "/") return a;
      this.i++;
      a = { t: "bin", op, a, b: this.power() };
    }
  }

  private power(): FormulaNode {
    let a = this.percent();
    while (this.peekOp() === "^") {
      this.i++;
      a = { t: "bin", op: "^", a, b: this.percent() };
    }
    return a;
  }

  private percent(): FormulaNode {
    let x = this.unary();
    while (this.peekOp() === "%") {
      this.i++;
      x = { t: "percent", x };
    }
    return x;
  }

  private unary(): FormulaNode {
    const op = this.peekOp();
    if (op === "-") {
      this.i++;
      return { t: "neg", x: this.unary() };
    }
    if (op === "+") {
      this.i++;
      return this.unary();
    }
    return this.atom();
  }

  private atom(): FormulaNode {
    const t = this.tokens[this.i++];
    if (!t) throw new Unsupported("unexpected end");
    switch (t.k) {
      case "num":
        return { t: "num", v: t.v };
      case "str":
        return { t: "str", v: t.v };
      case "err":
        return { t: "err", v: t.v };
      case "ref":
        return { t: "ref", sheet: t.sheet, area: t.area };
      case "word": {
        const upper = t.v.toUpperCase();
        if (t.sheet === undefined && (upper === "TRUE" || upper === "FALSE")) return { t: "bool", v: upper === "TRUE" };
        return { t: "name", name: t.v, sheet: t.sheet };
      }
      case "func":
        return { t: "call", name: t.v, args: this.args() };
      case "op":
        if (t.v === "(") {
          const inner = this.comparison();
          this.expect(")");
          return inner;
        }
        if (t.v === "{") return this.arrayConstant();
        throw new Unsupported("unexpected " + t.v);
    }
  }

  private args(): FormulaNode[] {
    const args: FormulaNode[] = [];
    if (this.peekOp() === ")") {
      this.i++;
      return args;
    }
    for (;;) {
      const op = this.peekOp();
      if (op === "," || op === ")") args.push({ t: "missing" });
      else args.push(this.comparison());
      const next = this.peekOp();
      this.i++;
      if (next === ")") return args;
      if (next !== ",") throw new Unsupported("expected , or )");
    }
  }

  private arrayConstant(): FormulaNode {
    const rows: FormulaNode[][] = [[]];
    for (;;) {
      rows[rows.length - 1].push(this.unary());
      const op = this.peekOp();
      this.i++;
      if (op === "}") break;
      if (op === ";") rows.push([]);
      else if (op !== ",") throw new Unsupported("bad array constant");
    }
    const width = rows[0].length;
    if (rows.some((r) => r.length !== width)) throw new Unsupported("ragged array constant");
    return { t: "array", rows };
  }
}

const cache = new Map<string, FormulaNode | Unsupported>();
const CACHE_LIMIT = 5000;

/** The syntax tree of a formula ("=…" or without "="); throws Unsupported for what it cannot read. */
export function parseFormula(formula: string): FormulaNode {
  const hit = cache.get(formula);
  if (hit instanceof Unsupported) throw hit;
  if (hit) return hit;
  let result: FormulaNode | Unsupported;
  try {
    result = new Parser(tokenize(formula)).parse();
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    result = e;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(formula, result);
  if (result instanceof Unsupported) throw result;
  return result;
}
