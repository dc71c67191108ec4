/**
 * Where the WPS adapter finds `Application`, and the one error it throws: a WpsActionError whose
 * `message` is Chinese and meant for the user, with what WPS said kept in `detail`.
 *
 * The ET API is synchronous and VBA-shaped: a call WPS refuses throws at once (a COM error with an
 * English or Chinese text, depending on the build). There are no error codes to rely on, so the
 * messages say what was being done and what usually causes such a refusal.
 */

export class WpsActionError extends Error {
  /** Ours: "NotInWps", "NoWorkbook", "InvalidPlan", "ItemNotFound", "Refused". */
  readonly code: string;
  /** What WPS said, untranslated. */
  readonly detail?: string;

  constructor(code: string, message: string, detail?: string) {
    super(message);
    this.name = "WpsActionError";
    this.code = code;
    this.detail = detail;
    Object.setPrototypeOf(this, WpsActionError.prototype);
  }
}

export { NOT_IN_WPS, wpsApplication } from "./application";
export const NO_WORKBOOK = "WPS 表格中没有打开的工作簿。请先打开要自评的工作簿，再点击“刷新”。";

function textOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e && typeof e === "object" && typeof (e as { message?: unknown }).message === "string")
    return (e as { message: string }).message;
  return String(e);
}

/** Any thrown value as a WpsActionError saying, in Chinese, what `what` ("写入工作簿") met. */
export function toWpsError(e: unknown, what: string): WpsActionError {
  if (e instanceof WpsActionError) return e;
  return new WpsActionError(
    "Refused",
    what +
      "时 WPS 拒绝了操作。常见原因：正在编辑单元格（请先按 Enter 或 Esc）、工作表或工作簿受保护（审阅 → 撤销工作表保护），" +
      "或当前 WPS 版本不支持这一操作。",
    textOf(e)
  );
}
