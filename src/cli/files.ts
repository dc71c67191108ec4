/**
 * The file system as the commands meet it: every failure said in one Chinese line, and the inputs
 * sacred — an output that resolves to an input (by name, through "..", a symlink or a hard link)
 * is refused before anything is written, and an existing file that Ziping did not write is replaced
 * only with --force.
 */
import { existsSync, mkdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError } from "./io";

const FS_ERRORS: Record<string, string> = {
  ENOENT: "找不到该文件或文件夹",
  EACCES: "没有权限（请检查文件或文件夹的权限，或换一个位置）",
  EPERM: "操作不被允许（文件可能被设为只读或正被其他程序使用）",
  ENOSPC: "磁盘空间不足",
  EDQUOT: "磁盘配额已用完",
  EROFS: "所在的磁盘是只读的",
  EISDIR: "这是一个文件夹，不是文件",
  ENOTDIR: "路径中的某一级不是文件夹",
  EEXIST: "已经存在",
  EBUSY: "文件正被其他程序使用（如在 Excel 或 WPS 中打开），请关闭后重试",
  EMFILE: "同时打开的文件太多",
  ENAMETOOLONG: "文件名太长",
  EINVAL: "文件名无效",
};

/** One Chinese line for a file-system error ("没有权限（…）"), whatever its code. */
export function fsErrorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && FS_ERRORS[code]) return FS_ERRORS[code];
  return "系统错误" + (code ? "（" + code + "）" : "");
}

/** The file as the file system knows it: real path, and device and inode where it exists. */
function identity(path: string): { real: string; inode?: string } {
  if (!existsSync(path)) return { real: resolve(path) };
  const st = statSync(path);
  return { real: realpathSync(path), inode: st.dev + ":" + st.ino };
}

/** Whether two paths name the same file: the same real path, or the same inode (a hard link). */
export function sameFile(a: string, b: string): boolean {
  const x = identity(a);
  const y = identity(b);
  return x.real === y.real || (x.inode !== undefined && x.inode === y.inode);
}

/** Refuses an output that is one of the inputs, under any name. */
export function refuseInput(output: string, inputs: readonly string[]): void {
  const hit = inputs.find((input) => sameFile(input, output));
  if (hit)
    throw new UsageError(
      "输出文件就是输入文件" +
        (hit === output ? "" : "“" + hit + "”") +
        "：" +
        output +
        "。自评助手从不改写输入文件，请另选输出位置"
    );
}

/** Writes a file whole or not at all: to a temporary name beside it, then renamed over it. */
export function writeWhole(file: string, data: string | Uint8Array): void {
  const temporary = join(dirname(file), "." + basename(file) + "." + process.pid + ".tmp");
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written where nothing can be written (the parent is not a folder).
    }
    throw new UsageError("无法写入文件：" + file + "（" + fsErrorText(error) + "）");
  }
}

/** Makes an output folder, saying in Chinese why it cannot be. */
export function makeFolder(dir: string): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError("输出位置不是文件夹：" + dir);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new UsageError("无法创建文件夹：" + dir + "（" + fsErrorText(error) + "）");
  }
}
