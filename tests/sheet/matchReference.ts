/**
 * The matcher as it was before issue 14 (src/sheet/match.ts at 8a1793c): one bigram index per rubric,
 * each row's keys computed again for every rubric. Kept only as the reference that the set index
 * (match.ts) must reproduce exactly: tests/sheet/matchIndex.test.ts.
 *
 * Original header:
 *
 * Matching a recognized sheet's indicator rows to a rubric's indicators — by wording (tolerant
 * of small changes), the scoring rule where the sheet has one, and category and number — and
 * choosing the rubric that fits best (微山 and 曹县 share most indicators and differ in 二-1).
 */
import type { Indicator, Rubric } from "../../src/rubric/schema";
import { bigrams, matchKey, type Bigrams } from "../../src/sheet/normalize";
import type { SheetLayout, SheetRow } from "../../src/sheet/recognize";

/** Below this, a row is no rubric indicator. */
const MATCH_THRESHOLD = 0.45;

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
 * The candidates' bigrams as an inverted index (bigram → candidates holding it, with counts), so
 * one row is compared with every candidate in one pass over its own bigrams: the Dice scores are
 * those of `similarity`, at a fraction of the cost on sheets of thousands of rows.
 */
class BigramIndex {
  private readonly postings = new Map<string, Array<[number, number]>>();
  private readonly keys: string[];

  constructor(keys: Bigrams[]) {
    this.keys = keys.map((k) => k.key);
    keys.forEach((k, c) => {
      k.counts.forEach((n, g) => {
        const list = this.postings.get(g);
        if (list) list.push([c, n]);
        else this.postings.set(g, [[c, n]]);
      });
    });
  }

  /** Dice similarity of `row` with every candidate, in candidate order. */
  scores(row: Bigrams): Float64Array {
    const shared = new Float64Array(this.keys.length);
    row.counts.forEach((n, g) => {
      const list = this.postings.get(g);
      if (list) for (const [c, m] of list) shared[c] += n < m ? n : m;
    });
    const out = new Float64Array(this.keys.length);
    const a = row.key.length;
    for (let c = 0; c < out.length; c++) {
      const b = this.keys[c].length;
      if (row.key === this.keys[c]) out[c] = a ? 1 : 0;
      else out[c] = a < 2 || b < 2 ? 0 : (2 * shared[c]) / (a - 1 + (b - 1));
    }
    return out;
  }
}

interface RubricIndex {
  candidates: Candidate[];
  text: BigramIndex;
  rule: BigramIndex;
}

// Built once per rubric object: rubrics are immutable data.
const indexes = new WeakMap<Rubric, RubricIndex>();

function indexOf(rubric: Rubric): RubricIndex {
  const cached = indexes.get(rubric);
  if (cached) return cached;
  const candidates: Candidate[] = [];
  const texts: Bigrams[] = [];
  const rules: Bigrams[] = [];
  for (const category of rubric.categories) {
    category.indicators.forEach((indicator, i) => {
      candidates.push({
        indicator,
        categoryId: category.id,
        position: i + 1,
        categoryNumber: /^\d+$/.test(category.id) ? Number(category.id) : undefined,
      });
      texts.push(bigrams(matchKey(indicator.text)));
      rules.push(bigrams(matchKey(indicator.rule)));
    });
  }
  const index = { candidates, text: new BigramIndex(texts), rule: new BigramIndex(rules) };
  indexes.set(rubric, index);
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

export function matchRubric(layout: SheetLayout, rubric: Rubric): SheetMatch {
  const rows = layout.rows.filter((r) => r.kind === "indicator");
  const { candidates, text, rule } = indexOf(rubric);
  const pairs: Array<{ r: number; c: number; score: number }> = [];
  rows.forEach((row, r) => {
    const textScores = text.scores(bigrams(matchKey(row.text)));
    const ruleScores = row.rule ? rule.scores(bigrams(matchKey(row.rule))) : undefined;
    candidates.forEach((cand, c) => {
      const score = rowScore(row, textScores[c], ruleScores?.[c], cand, row.category?.bonus === true);
      if (score >= MATCH_THRESHOLD) pairs.push({ r, c, score });
    });
  });
  // Greedy one-to-one assignment, best pairs first: enough for tables of tens of rows.
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

/** All rubrics with indicators, best fit first. */
export function rankRubrics(layout: SheetLayout, rubrics: readonly Rubric[]): SheetMatch[] {
  return rubrics
    .filter((r) => r.categories.length > 0)
    .map((r) => matchRubric(layout, r))
    .sort((a, b) => b.score - a.score || b.matches.length - a.matches.length);
}
