/**
 * One `Excel.run` per action, wrapped: a retry while the user is typing in a cell, and every
 * failure turned into an OfficeActionError whose `message` is Chinese and meant for the user.
 *
 * Error codes are Office's (`OfficeExtension.Error.code`, listed in "Error handling with the
 * application-specific JavaScript APIs" on learn.microsoft.com); the English text Office gives is
 * kept in `detail` for a bug report.
 */

/** The one error an action rejects with. */
export class OfficeActionError extends Error {
  /** Office's error code ("ItemNotFound"), or ours: "NotInExcel", "InvalidPlan", "Unknown". */
  readonly code: string;
  /** What Office or the runtime said, untranslated. */
  readonly detail?: string;

  constructor(code: string, message: string, detail?: string) {
    super(message);
    this.name = "OfficeActionError";
    this.code = code;
    this.detail = detail;
    Object.setPrototypeOf(this, OfficeActionError.prototype);
  }
}

export const CELL_EDIT_MODE = "InvalidOperationInCellEditMode";

/** Chinese messages for the codes an action can meet. */
const MESSAGES: Record<string, string> = {
  [CELL_EDIT_MODE]: "Excel 正在编辑单元格，无法写入。请先按 Enter 或 Esc 结束编辑，再重试。",
  ItemNotFound: "找不到要操作的工作表或单元格（可能已被改名或删除），请重新检查后再试。",
  ItemAlreadyExists: "已有同名的工作表，无法新建。请重新检查后再试。",
  AccessDenied: "工作表或工作簿受保护，或没有编辑权限，无法写入。请先撤销保护（审阅 → 撤销工作表保护）再重试。",
  InvalidArgument: "Excel 拒绝了本次操作的参数，未能完成。请把出错信息发给管理员。",
  InvalidReference: "单元格引用无效，未能完成。请重新检查后再试。",
  InvalidSelection: "当前选中的不是单元格区域（例如选中了图表或图片），请先选中单元格。",
  InvalidOperation: "Excel 当前无法完成这一操作，请稍后再试。",
  MergedRangeConflict: "要写入的位置与合并单元格冲突，未能完成。请取消这些单元格的合并后再试。",
  RequestPayloadSizeLimitExceeded:
    "一次要写入的数据超过了 Excel 网页版的大小限制，未能完成。请分批操作或使用桌面版 Excel。",
  ResponsePayloadSizeLimitExceeded:
    "要读取的数据超过了 Excel 网页版的大小限制，未能完成。请删除多余的空行空列或使用桌面版 Excel。",
  RangeExceedsLimit: "要读写的单元格数量超过了 Excel 的上限，未能完成。请删除多余的空行空列后再试。",
  ActivityLimitReached: "Excel 正忙，请稍等片刻再试。",
  RequestAborted: "Excel 中止了本次请求，请再试一次。",
  ApiNotFound: "当前 Excel 版本不支持这一操作，请升级 Excel 或改用命令行工具。",
  UnsupportedOperation: "当前 Excel 版本不支持这一操作，请升级 Excel 或改用命令行工具。",
  NotImplemented: "当前 Excel 版本不支持这一操作，请升级 Excel 或改用命令行工具。",
  Conflict: "工作簿正被他人同时编辑，发生冲突，请稍后再试。",
  GeneralException: "Excel 内部出错，未能完成。请保存工作簿后再试一次。",
  NotInExcel: "未在 Excel 中运行：找不到 Office.js。请在 Excel 的加载项窗格中使用本功能。",
};

function codeOf(e: unknown): string | undefined {
  if (e && typeof e === "object" && typeof (e as { code?: unknown }).code === "string")
    return (e as { code: string }).code;
  return undefined;
}

function textOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e && typeof e === "object" && typeof (e as { message?: unknown }).message === "string")
    return (e as { message: string }).message;
  return String(e);
}

export function isCellEditModeError(e: unknown): boolean {
  return codeOf(e) === CELL_EDIT_MODE;
}

/** Excel on the web refused a request or response for its size (5 MB), or a range for its cell count. */
export function isTooLargeError(e: unknown): boolean {
  const code = codeOf(e);
  return (
    code === "RequestPayloadSizeLimitExceeded" ||
    code === "ResponsePayloadSizeLimitExceeded" ||
    code === "RangeExceedsLimit"
  );
}

/** Any thrown value as an OfficeActionError with a Chinese message (an OfficeActionError as it is). */
export function toActionError(e: unknown): OfficeActionError {
  if (e instanceof OfficeActionError) return e;
  const code = codeOf(e);
  const detail = textOf(e);
  if (code && MESSAGES[code]) return new OfficeActionError(code, MESSAGES[code], detail);
  if (code) return new OfficeActionError(code, `Excel 未能完成操作（错误代码 ${code}），请稍后再试。`, detail);
  return new OfficeActionError("Unknown", "加载项内部出错，未能完成操作。请把出错信息发给管理员。", detail);
}

export interface RunActionOptions {
  /** Further attempts while Excel answers InvalidOperationInCellEditMode. Default 3. */
  retries?: number;
  /** Wait before the first retry, in ms; each further retry waits one more step. Default 400. */
  delayMs?: number;
  /** For tests: how to wait. */
  sleep?: (ms: number) => Promise<void>;
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs `batch` in one `Excel.run`. While the user is editing a cell (InvalidOperationInCellEditMode)
 * it waits a little and tries again, up to `retries` times; any other failure, or the last one,
 * rejects with an OfficeActionError (Chinese message).
 */
export async function runAction<T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  options: RunActionOptions = {}
): Promise<T> {
  const retries = options.retries ?? 3;
  const delayMs = options.delayMs ?? 400;
  const sleep = options.sleep ?? wait;
  if (typeof Excel === "undefined" || !Excel || typeof Excel.run !== "function") {
    throw new OfficeActionError("NotInExcel", MESSAGES.NotInExcel);
  }
  for (let attempt = 0; ; attempt++) {
    try {
      return await Excel.run(batch);
    } catch (e) {
      if (isCellEditModeError(e) && attempt < retries) {
        await sleep(delayMs * (attempt + 1));
        continue;
      }
      throw toActionError(e);
    }
  }
}

export type ActionResult<T> = { ok: true; value: T } | { ok: false; error: OfficeActionError };

/** runAction that never rejects: the outcome as data, for a handler that shows the message. */
export async function tryAction<T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  options: RunActionOptions = {}
): Promise<ActionResult<T>> {
  try {
    return { ok: true, value: await runAction(batch, options) };
  } catch (e) {
    return { ok: false, error: toActionError(e) };
  }
}
