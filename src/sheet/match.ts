/**
 * Matching a recognized sheet's indicator rows to a rubric's indicators — by wording (tolerant
 * of small changes), the scoring rule where the sheet has one, and category and number — and
 * choosing the rubric that fits best (微山 and 曹县 share most indicators and differ in 二-1).
 */
import type { Indicator, Rubric } from "../rubric/schema";
import { matchKey } from "./normalize";
import type { SheetLayout, SheetRow } from "./recognize";

/** Below this, a row is no rubric indicator. */
export const MATCH_THRESHOLD = 0.45;
/** A rubric fits a sheet when its mean match reaches this (CONTRACTS: `match: { score, threshold }`). */
export const FIT_THRESHOLD = 0.5;

export interface RowMatch {
  row: SheetRow;
  indicator: Indicator;
  categoryId: string;
  similarity: number;
}

export interface SheetMatch {
  rubric: Rubric;
  /** How well the rubric fits the sheet: the mean match of the sheet's rows (about 0 … 1.1). */
  score: number;
  matches: RowMatch[];
  unmatchedRows: SheetRow[];
  missing: Array<{ id: string; text: string }>;
  /** Rows whose written points differ from the rubric's. */
  pointsDiffer: Array<{ row: SheetRow; indicator: Indicator; sheet: number; rubric: number }>;
}

interface Candidate {
  indicator: Indicator;
  categoryId: string;
  position: number;
  categoryNumber: number | undefined;
}

/**
 * A key's character bigrams as sorted codes, two UTF-16 units in one integer (a bigram is the same
 * pair of units `similarity` compares as a two-character string, without making the string).
 */
function bigramCodes(key: string): number[] {
  const codes: number[] = [];
  for (let i = 0; i < key.length - 1; i++) codes.push((key.charCodeAt(i) << 16) | key.charCodeAt(i + 1));
  return codes.sort((x, y) => x - y);
}

/**
 * The candidates' bigrams as an inverted index (bigram → candidates holding it, with counts), so
 * one row is compared with every candidate in one pass over its own bigrams: the Dice scores are
 * those of `similarity` (normalize.ts), at a fraction of the cost on sheets of thousands of rows.
 */
/** How many row keys' scores an index keeps, and the longest key kept. */
const SEEN_KEYS = 4000;
const SEEN_LENGTH = 2000;

class BigramIndex {
  private seen = new Map<string, Float64Array>();
  /** Per bigram: candidate, count, candidate, count… */
  private readonly postings = new Map<number, number[]>();

  constructor(private readonly keys: string[]) {
    keys.forEach((key, c) => {
      const codes = bigramCodes(key);
      for (let i = 0; i < codes.length;) {
        let j = i + 1;
        while (j < codes.length && codes[j] === codes[i]) j++;
        const list = this.postings.get(codes[i]);
        if (list) list.push(c, j - i);
        else this.postings.set(codes[i], [c, j - i]);
        i = j;
      }
    });
  }

  /**
   * Dice similarity of the row's key with every candidate, in candidate order. Kept for the keys
   * seen last (bounded): a sheet repeats its wording, the pane re-reads the same rows after every
   * edit, and a city's counties copy the same table. Callers must not change the array.
   */
  scores(key: string): Float64Array {
    let known = this.seen.get(key);
    if (!known) {
      known = this.compute(key);
      if (key.length <= SEEN_LENGTH) {
        if (this.seen.size >= SEEN_KEYS) this.seen = new Map<string, Float64Array>();
        this.seen.set(key, known);
      }
    }
    return known;
  }

  private compute(key: string): Float64Array {
    const shared = new Float64Array(this.keys.length);
    const codes = bigramCodes(key);
    for (let i = 0; i < codes.length;) {
      let j = i + 1;
      while (j < codes.length && codes[j] === codes[i]) j++;
      const n = j - i;
      const list = this.postings.get(codes[i]);
      if (list)
        for (let p = 0; p < list.length; p += 2) {
          const m = list[p + 1];
          shared[list[p]] += n < m ? n : m;
        }
      i = j;
    }
    const out = new Float64Array(this.keys.length);
    const a = key.length;
    for (let c = 0; c < out.length; c++) {
      const b = this.keys[c].length;
      if (key === this.keys[c]) out[c] = a ? 1 : 0;
      else out[c] = a < 2 || b < 2 ? 0 : (2 * shared[c]) / (a - 1 + (b - 1));
    }
    return out;
  }
}

/**
 * The indicators of a set of rubrics in one index, built once per set: one pass over a row's
 * bigrams gives its Dice similarity with every indicator of every rubric of the set (the row's
 * keys are computed once, not once per rubric).
 */
interface SetIndex {
  rubrics: Rubric[];
  /** Where each rubric's candidates start in `candidates`; one more entry, the end. */
  offsets: number[];
  candidates: Candidate[];
  text: BigramIndex;
  rule: BigramIndex;
}

function buildIndex(rubrics: Rubric[]): SetIndex {
  const candidates: Candidate[] = [];
  const offsets: number[] = [];
  const texts: string[] = [];
  const rules: string[] = [];
  for (const rubric of rubrics) {
    offsets.push(candidates.length);
    for (const category of rubric.categories) {
      category.indicators.forEach((indicator, i) => {
        candidates.push({
          indicator,
          categoryId: category.id,
          position: i + 1,
          categoryNumber: /^\d+$/.test(category.id) ? Number(category.id) : undefined,
        });
        texts.push(matchKey(indicator.text));
        rules.push(matchKey(indicator.rule));
      });
    }
  }
  offsets.push(candidates.length);
  return { rubrics, offsets, candidates, text: new BigramIndex(texts), rule: new BigramIndex(rules) };
}

// Built once per rubric object, and once per list of rubrics: rubrics are immutable data.
const single = new WeakMap<Rubric, SetIndex>();
const sets = new WeakMap<readonly Rubric[], SetIndex>();

function indexOf(rubric: Rubric): SetIndex {
  let index = single.get(rubric);
  if (!index) single.set(rubric, (index = buildIndex([rubric])));
  return index;
}

/** The index of the rubrics with indicators in `rubrics` (rebuilt if the list was changed since). */
function setIndexOf(rubrics: readonly Rubric[]): SetIndex {
  const scored = rubrics.filter((r) => r.categories.length > 0);
  const cached = sets.get(rubrics);
  if (cached && cached.rubrics.length === scored.length && cached.rubrics.every((r, i) => r === scored[i]))
    return cached;
  const index = buildIndex(scored);
  sets.set(rubrics, index);
  return index;
}

function rowScore(row: SheetRow, text: number, rule: number | undefined, c: Candidate, bonusCategory: boolean): number {
  let score = rule === undefined ? text : 0.6 * text + 0.4 * rule;
  // Position agrees: the same category number and item number. A small nudge, never decisive alone.
  if (row.number !== undefined && row.number === c.position) score += 0.05;
  if (row.category?.number !== undefined && row.category.number === c.categoryNumber) score += 0.05;
  if (bonusCategory !== (c.categoryId === "bonus")) score -= 0.1;
  // Not capped at 1: two rubrics whose wording both match well still differ in how well.
  return score;
}

/** The points a sheet writes for an indicator: its base points, or its bonus for a 加分项目. */
function writtenPoints(indicator: Indicator): number {
  return indicator.points > 0 ? indicator.points : (indicator.bonus ?? 0);
}

interface Pair {
  r: number;
  c: number;
  score: number;
}

/** A sheet's indicator rows matched to every rubric of an index: one SheetMatch per rubric, in order. */
function matchAll(layout: SheetLayout, index: SetIndex): SheetMatch[] {
  const rows = layout.rows.filter((r) => r.kind === "indicator");
  const { rubrics, offsets, candidates } = index;
  const pairs: Pair[][] = rubrics.map(() => []);
  rows.forEach((row, r) => {
    const textScores = index.text.scores(matchKey(row.text));
    const ruleScores = row.rule ? index.rule.scores(matchKey(row.rule)) : undefined;
    const bonus = row.category?.bonus === true;
    for (let k = 0; k < rubrics.length; k++) {
      const base = offsets[k];
      for (let c = base; c < offsets[k + 1]; c++) {
        const score = rowScore(row, textScores[c], ruleScores?.[c], candidates[c], bonus);
        if (score >= MATCH_THRESHOLD) pairs[k].push({ r, c: c - base, score });
      }
    }
  });
  return rubrics.map((rubric, k) => assign(rubric, rows, candidates.slice(offsets[k], offsets[k + 1]), pairs[k]));
}

/** Greedy one-to-one assignment, best pairs first: enough for tables of tens of rows. */
function assign(rubric: Rubric, rows: SheetRow[], candidates: Candidate[], pairs: Pair[]): SheetMatch {
  pairs.sort((a, b) => b.score - a.score || a.r - b.r);
  const rowTaken = new Set<number>();
  const candTaken = new Set<number>();
  const matches: RowMatch[] = [];
  for (const p of pairs) {
    if (rowTaken.has(p.r) || candTaken.has(p.c)) continue;
    rowTaken.add(p.r);
    candTaken.add(p.c);
    matches.push({
      row: rows[p.r],
      indicator: candidates[p.c].indicator,
      categoryId: candidates[p.c].categoryId,
      similarity: p.score,
    });
  }
  matches.sort((a, b) => a.row.row - b.row.row);
  const total = matches.reduce((s, m) => s + m.similarity, 0);
  // How well the sheet's rows are the rubric's: unmatched rows count as 0. A sheet holding part of
  // a rubric fits it; what is missing is reported apart.
  const score = rows.length === 0 || candidates.length === 0 ? 0 : total / rows.length;
  const pointsDiffer = matches
    .filter((m) => m.row.points !== undefined && Math.abs(m.row.points - writtenPoints(m.indicator)) > 1e-9)
    .map((m) => ({ row: m.row, indicator: m.indicator, sheet: m.row.points!, rubric: writtenPoints(m.indicator) }));
  return {
    rubric,
    score,
    matches,
    unmatchedRows: rows.filter((_, r) => !rowTaken.has(r)),
    missing: candidates
      .filter((_, c) => !candTaken.has(c))
      .map((c) => ({ id: c.indicator.id, text: c.indicator.text })),
    pointsDiffer,
  };
}

export function matchRubric(layout: SheetLayout, rubric: Rubric): SheetMatch {
  return matchAll(layout, indexOf(rubric))[0];
}

/** All rubrics with indicators, best fit first. */
export function rankRubrics(layout: SheetLayout, rubrics: readonly Rubric[]): SheetMatch[] {
  return matchAll(layout, setIndexOf(rubrics)).sort((a, b) => b.score - a.score || b.matches.length - a.matches.length);
}
