/**
 * The offline part of `npm run validate` (scripts/validate-manifest.mjs --offline-only): Microsoft's
 * converter and schema plus the project's own assertions. Run as a child process, as npm runs it.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";

const root = resolve(__dirname, "..", "..");
const script = join(root, "scripts", "validate-manifest.mjs");
const manifest = readFileSync(join(root, "manifest.xml"), "utf8");

function validate(file: string): { status: number | null; stdout: string } {
  const result = spawnSync(process.execPath, [script, "--offline-only", file], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout + result.stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ziping-manifest-test-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function variant(name: string, edit: (xml: string) => string): string {
  const edited = edit(manifest);
  expect(edited).not.toBe(manifest); // the edit really changed something
  const file = join(dir, name);
  writeFileSync(file, edited, "utf8");
  return file;
}

test("manifest.xml passes the offline check", () => {
  const { status, stdout } = validate(join(root, "manifest.xml"));
  expect(stdout).toContain("离线校验通过");
  expect(stdout).toContain("转换后的 JSON 清单符合微软架构");
  expect(stdout).not.toContain("✗");
  expect(status).toBe(0);
});

test("a manifest without <Id> fails", () => {
  const file = variant("no-id.xml", (xml) => xml.replace(/\s*<Id>[^<]*<\/Id>/, ""));
  const { status, stdout } = validate(file);
  expect(status).toBe(1);
  expect(stdout).toMatch(/✗ <Id> 是 GUID/);
  expect(stdout).toMatch(/✗ 微软转换工具/);
  expect(stdout).toContain("离线校验未通过");
});

test("a manifest asking only to read the document fails", () => {
  const file = variant("read-only.xml", (xml) =>
    xml.replace(
      "<Permissions>ReadWriteDocument</Permissions>",
      "<Permissions>ReadDocument</Permissions>"
    )
  );
  const { status, stdout } = validate(file);
  expect(status).toBe(1);
  expect(stdout).toMatch(/✗ 权限 Permissions 为 ReadWriteDocument.*ReadDocument/);
});

test("a manifest declaring a newer ExcelApi set than 1.1 fails", () => {
  const file = variant("excel-1.8.xml", (xml) =>
    xml.replace(
      '<Set Name="ExcelApi" MinVersion="1.1"/>',
      '<Set Name="ExcelApi" MinVersion="1.8"/>'
    )
  );
  const { status, stdout } = validate(file);
  expect(status).toBe(1);
  expect(stdout).toMatch(/✗ 声明的要求集只有 ExcelApi 1\.1.*ExcelApi 1\.8/);
});

test("an icon missing from assets/ fails", () => {
  const file = variant("missing-icon.xml", (xml) =>
    xml.replace("assets/icon-80.png", "assets/icon-81.png")
  );
  const { status, stdout } = validate(file);
  expect(status).toBe(1);
  expect(stdout).toContain("assets/icon-81.png 不存在");
});
