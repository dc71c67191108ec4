/**
 * The pane's one connection to the host: reads the workbook, analyzes it, re-reads after every
 * write and (debounced) after every edit the host reports. Host calls run one at a time, in order,
 * so a read never overtakes the write before it; a rejected call becomes a Chinese error line.
 */
import * as React from "react";
import type { WorkbookPlan } from "../../plan/plan";
import type { Rubric } from "../../rubric/schema";
import type { Analysis } from "../model/analysis";
import { loadFullAnalysis, type loadScreen } from "../onDemand";
import type { WorkbookHost, WorkbookSnapshot } from "../model/host";
import { errorText } from "./errorText";

type FullAnalysis = Awaited<ReturnType<typeof loadFullAnalysis>>["analyze"];

/**
 * The built-in rubrics' analysis (model/analyzeBuiltin.ts) and the rubric a workbook remembers:
 * in the chunk App fetches beside the first read (screen.ts), not in the pane's first load.
 */
export type BuiltinAnalyzer = Pick<Awaited<ReturnType<typeof loadScreen>>, "analyzeBuiltin" | "rememberedRubricId">;

/** How long after the last reported edit the workbook is read again. */
export const CHANGE_DEBOUNCE_MS = 300;

export interface WorkbookState {
  snapshot?: WorkbookSnapshot;
  analysis?: Analysis;
  /** The first read has not come back yet. */
  loading: boolean;
  /** A write is in progress. */
  busy: boolean;
  /** The last failure, in Chinese. */
  error?: string;
  /** What the last write could not apply in this Excel. */
  skipped: string[];
  /** The rubric the user picked instead of the best match. */
  chosenId?: string;
  /** The rubric the workbook was prepared with (recorded by 准备工作簿), when it is one of ours. */
  rememberedId?: string;
  choose(id: string | undefined): void;
  refresh(): Promise<void>;
  /** Applies a plan and reads the workbook again; false when the host refused it. */
  apply(plan: WorkbookPlan, what: string): Promise<boolean>;
  select(sheet: string, cell: string): Promise<void>;
  /** Reports a failure that happened outside a host call (building a plan). */
  fail(what: string, error: unknown): void;
  dismissError(): void;
}

/** Reads and analyzes the workbook; no analysis until `builtin` (its chunk) is there. */
export function useWorkbook(host: WorkbookHost, rubrics: readonly Rubric[], builtin?: BuiltinAnalyzer): WorkbookState {
  const [snapshot, setSnapshot] = React.useState<WorkbookSnapshot>();
  const [loading, setLoading] = React.useState(true);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string>();
  const [skipped, setSkipped] = React.useState<string[]>([]);
  const [chosenId, setChosenId] = React.useState<string>();
  const queue = React.useRef<Promise<unknown>>(Promise.resolve());
  const mounted = React.useRef(true);

  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  /** Runs host calls one after the other. */
  const enqueue = React.useCallback(<T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.current.then(task);
    queue.current = run.catch(() => undefined);
    return run;
  }, []);

  const fail = React.useCallback((what: string, e: unknown) => {
    if (mounted.current) setError(what + "失败：" + errorText(e));
  }, []);

  const readNow = React.useCallback(async () => {
    const next = await host.read();
    if (mounted.current) {
      setSnapshot(next);
      setLoading(false);
    }
  }, [host]);

  const refresh = React.useCallback(
    () =>
      enqueue(readNow).catch((e) => {
        if (mounted.current) setLoading(false);
        fail("读取工作簿", e);
      }),
    [enqueue, readNow, fail]
  );

  const apply = React.useCallback(
    async (plan: WorkbookPlan, what: string): Promise<boolean> => {
      setBusy(true);
      try {
        await enqueue(async () => {
          try {
            const result = await host.apply(plan);
            if (mounted.current) setSkipped(result?.skipped ?? []);
          } finally {
            // Whatever happened, show what the workbook now holds.
            await readNow().catch(() => undefined);
          }
        });
        if (mounted.current) setError(undefined);
        return true;
      } catch (e) {
        fail(what, e);
        return false;
      } finally {
        if (mounted.current) setBusy(false);
      }
    },
    [enqueue, host, readNow, fail]
  );

  const select = React.useCallback(
    (sheet: string, cell: string) => enqueue(() => host.select(sheet, cell)).catch((e) => fail("定位单元格", e)),
    [enqueue, host, fail]
  );

  // The first read, and a read again whenever a person edits the workbook.
  React.useEffect(() => {
    void refresh();
    if (!host.onChange) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = host.onChange(() => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        void refresh();
      }, CHANGE_DEBOUNCE_MS);
    });
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      unsubscribe();
    };
  }, [host, refresh]);

  const analyzeBuiltin = builtin?.analyzeBuiltin;
  const rememberedRubricId = builtin?.rememberedRubricId;
  const rememberedId = React.useMemo(() => {
    const id = snapshot && rememberedRubricId ? rememberedRubricId(snapshot.grids) : undefined;
    return rubrics.some((r) => r.id === id) ? id : undefined;
  }, [snapshot, rubrics, rememberedRubricId]);

  // The analysis that can derive a rubric (grammar, rubric schema), loaded the first time a
  // workbook needs it; the built-in rubrics' analysis until then (model/analyzeBuiltin.ts).
  const [fullAnalysis, setFullAnalysis] = React.useState<FullAnalysis>();
  const [loadError, setLoadError] = React.useState<string>();

  const [analysis, analysisError, derivationNeeded] = React.useMemo((): [
    Analysis | undefined,
    string | undefined,
    boolean,
  ] => {
    if (!snapshot || !analyzeBuiltin) return [undefined, undefined, false];
    try {
      // The user's choice; else chooseRubric takes the rubric the workbook was prepared with (as the CLI does).
      const chosen = chosenId ? rubrics.find((r) => r.id === chosenId) : undefined;
      if (fullAnalysis) return [fullAnalysis(snapshot.grids, rubrics, chosen, host.name), undefined, false];
      const builtin = analyzeBuiltin(snapshot.grids, rubrics, chosen);
      // Until the full analysis is there, show nothing rather than "no rubric fits".
      if (builtin.derivationNeeded) return [undefined, undefined, true];
      return [builtin, undefined, false];
    } catch (e) {
      return [undefined, "识别工作簿失败：" + errorText(e), false];
    }
  }, [snapshot, analyzeBuiltin, rubrics, chosenId, host.name, fullAnalysis]);

  React.useEffect(() => {
    if (!derivationNeeded || fullAnalysis) return;
    loadFullAnalysis().then(
      (m) => {
        if (mounted.current) setFullAnalysis(() => m.analyze);
      },
      (e: unknown) => {
        if (mounted.current) setLoadError("识别工作簿失败：" + errorText(e));
      }
    );
  }, [derivationNeeded, fullAnalysis]);

  return {
    snapshot,
    analysis,
    // Still loading while the analysis that derives a rubric is on its way.
    loading: loading || (derivationNeeded && !loadError),
    busy,
    error: error ?? analysisError ?? loadError,
    skipped,
    chosenId,
    rememberedId,
    choose: setChosenId,
    refresh,
    apply,
    select,
    fail,
    dismissError: () => setError(undefined),
  };
}
