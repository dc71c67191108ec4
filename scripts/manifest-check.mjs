// The offline part of `npm run validate` (see scripts/validate-manifest.mjs).
//
// Microsoft's online validation service cannot be reached from every machine (CI, county office
// networks), so the manifest is first checked here with Microsoft's own code, offline:
//   1. office-addin-manifest-converter parses the XML manifest as Office does and converts it to
//      the unified JSON manifest (it writes nothing when, for example, <Id> is missing);
//   2. @microsoft/app-manifest validates that JSON against the schema it ships;
//   3. the project's own assertions, read from the XML: zh-CN default locale, a Chinese display
//      name, ReadWriteDocument, ExcelApi 1.1 declared (see the comment in manifest.xml), https
//      everywhere, every icon present in assets/ with the pixel size it is declared with.
//
// checkManifestOffline() returns the list of checks; it never throws for a bad manifest.
import { createRequire } from "node:module";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
// @microsoft/app-manifest and @xmldom/xmldom are dependencies of the two Office packages we
// declare (office-addin-manifest, office-addin-manifest-converter): resolve them from there
// rather than relying on how npm happened to hoist them.
const requireFromManifest = createRequire(require.resolve("office-addin-manifest/package.json"));
const requireFromConverter = createRequire(
  require.resolve("office-addin-manifest-converter/package.json")
);
const { convert } = requireFromConverter("office-addin-manifest-converter");
const { DOMParser } = requireFromConverter("@xmldom/xmldom");
const { AppManifestUtils } = requireFromManifest("@microsoft/app-manifest");

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

// The converter (0.4) labels its output with schema v1.17 but also emits `getStartedMessages`
// (from <GetStarted>), which the schema only describes from v1.23 on. Validate against the first
// schema version that describes everything the converter writes.
const SCHEMA_VERSION = "1.23";
const SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${SCHEMA_VERSION}/MicrosoftTeams.schema.json`;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CJK = /[\u4e00-\u9fff]/;
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

/** Element children of `el` with the given local name. */
function children(el, localName) {
  const out = [];
  if (!el) return out;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && n.localName === localName) out.push(n);
  }
  return out;
}

function child(el, localName) {
  return children(el, localName)[0];
}

/** All descendant elements with the given local name, whatever their namespace. */
function descendants(el, localName) {
  return Array.from(el.getElementsByTagNameNS("*", localName));
}

function text(el) {
  return el ? String(el.textContent || "").trim() : "";
}

/** Width and height of a PNG file, or undefined when it is not a PNG. */
function pngSize(file) {
  const bytes = readFileSync(file);
  const signature = "89504e470d0a1a0a";
  if (bytes.length < 24 || bytes.subarray(0, 8).toString("hex") !== signature) return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function parseXml(source) {
  const problems = [];
  const report = (msg) => {
    const line = String(msg)
      .split("\n")[0]
      .replace(/^\[xmldom \w+\]\s*/, "");
    if (!problems.includes(line)) problems.push(line);
  };
  const doc = new DOMParser({
    errorHandler: { warning: () => {}, error: report, fatalError: report },
  }).parseFromString(source, "text/xml");
  return { doc, problems };
}

/**
 * The images the manifest refers to, each with the pixel size it must have: IconUrl 32,
 * HighResolutionIconUrl 64, and each <bt:Image> resource the size it is used at in an <Icon>.
 */
function declaredImages(root) {
  const images = [];
  const iconUrl = child(root, "IconUrl");
  if (iconUrl)
    images.push({ what: "IconUrl", url: iconUrl.getAttribute("DefaultValue"), size: 32 });
  const highRes = child(root, "HighResolutionIconUrl");
  if (highRes) {
    images.push({
      what: "HighResolutionIconUrl",
      url: highRes.getAttribute("DefaultValue"),
      size: 64,
    });
  }
  const sizeOfResid = new Map();
  for (const icon of descendants(root, "Icon")) {
    for (const image of children(icon, "Image")) {
      sizeOfResid.set(image.getAttribute("resid"), Number(image.getAttribute("size")));
    }
  }
  for (const images_ of descendants(root, "Images")) {
    for (const image of children(images_, "Image")) {
      const id = image.getAttribute("id");
      images.push({
        what: `bt:Image ${id}`,
        url: image.getAttribute("DefaultValue"),
        size: sizeOfResid.get(id),
      });
      for (const override of children(image, "Override")) {
        images.push({
          what: `bt:Image ${id} (${override.getAttribute("Locale")})`,
          url: override.getAttribute("Value"),
          size: sizeOfResid.get(id),
        });
      }
    }
  }
  return images;
}

/** Every URL-valued attribute in the manifest. */
function allUrls(root) {
  const urls = [];
  const walk = (el) => {
    for (const name of ["DefaultValue", "Value"]) {
      const v = el.getAttribute && el.getAttribute(name);
      if (v && /^[a-z]+:\/\//i.test(v)) urls.push({ what: el.localName, url: v });
    }
    for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) walk(n);
  };
  walk(root);
  return urls;
}

/** The project's own assertions on the XML. Each check: { id, ok, message } (message in Chinese). */
function projectChecks(doc, assetsDir) {
  const checks = [];
  const add = (id, ok, message) => checks.push({ id, ok, message });
  const root = doc.documentElement;

  const type = root ? root.getAttributeNS(XSI, "type") : "";
  add(
    "manifest.type",
    !!root && root.localName === "OfficeApp" && type === "TaskPaneApp",
    `根元素为 OfficeApp，类型为 TaskPaneApp（实际：${root ? root.localName : "无"}，${type || "无类型"}）`
  );
  if (!root || root.localName !== "OfficeApp") return checks;

  const id = text(child(root, "Id"));
  add("manifest.id", GUID.test(id), `<Id> 是 GUID（实际：${id || "缺失"}）`);

  const locale = text(child(root, "DefaultLocale"));
  add(
    "manifest.locale",
    locale === "zh-CN",
    `默认语言 DefaultLocale 为 zh-CN（实际：${locale || "缺失"}）`
  );

  const displayName = (child(root, "DisplayName") || root).getAttribute("DefaultValue") || "";
  add(
    "manifest.display-name",
    CJK.test(displayName),
    `显示名称 DisplayName 为中文（实际：${displayName || "缺失"}）`
  );
  const description = (child(root, "Description") || root).getAttribute("DefaultValue") || "";
  add(
    "manifest.description",
    CJK.test(description),
    `说明 Description 为中文（实际：${description ? description.slice(0, 20) + "…" : "缺失"}）`
  );

  const hosts = children(child(root, "Hosts"), "Host").map((h) => h.getAttribute("Name"));
  add(
    "manifest.hosts",
    hosts.length === 1 && hosts[0] === "Workbook",
    `只面向 Excel（Hosts 为 Workbook；实际：${hosts.join("、") || "缺失"}）`
  );

  const permissions = text(child(root, "Permissions"));
  add(
    "manifest.permissions",
    permissions === "ReadWriteDocument",
    `权限 Permissions 为 ReadWriteDocument（加载项要写入自评得分；实际：${permissions || "缺失"}）`
  );

  const sets = child(child(root, "Requirements"), "Sets");
  const excelSets = children(sets, "Set").filter((s) => s.getAttribute("Name") === "ExcelApi");
  const minVersion = excelSets.length
    ? excelSets[0].getAttribute("MinVersion") || (sets && sets.getAttribute("DefaultMinVersion"))
    : undefined;
  const otherSets = children(sets, "Set")
    .filter((s) => s.getAttribute("Name") !== "ExcelApi")
    .map((s) => s.getAttribute("Name"));
  add(
    "manifest.requirements",
    excelSets.length === 1 && minVersion === "1.1" && otherSets.length === 0,
    "声明的要求集只有 ExcelApi 1.1（Office 2016 批量授权版只有 1.1，声明更高的版本会让加载项整个不显示；" +
      `更高版本在运行时检测）（实际：${
        excelSets.length ? `ExcelApi ${minVersion}` : "未声明 ExcelApi"
      }${otherSets.length ? "，另有 " + otherSets.join("、") : ""}）`
  );

  const source = (child(child(root, "DefaultSettings"), "SourceLocation") || root).getAttribute(
    "DefaultValue"
  );
  add(
    "manifest.source",
    !!source,
    `任务窗格地址 SourceLocation 已填写（实际：${source || "缺失"}）`
  );

  const insecure = allUrls(root).filter((u) => !u.url.startsWith("https://"));
  add(
    "manifest.https",
    insecure.length === 0,
    insecure.length === 0
      ? "所有地址都使用 https"
      : `以下地址没有使用 https：${insecure.map((u) => `${u.what} ${u.url}`).join("；")}`
  );

  const iconProblems = [];
  const images = declaredImages(root);
  for (const image of images) {
    const m = /\/assets\/([^/?#]+)$/.exec(image.url || "");
    if (!m) {
      iconProblems.push(`${image.what} 的地址不在 assets/ 下：${image.url || "缺失"}`);
      continue;
    }
    const file = join(assetsDir, m[1]);
    if (!existsSync(file)) {
      iconProblems.push(`${image.what} 指向的 assets/${m[1]} 不存在`);
      continue;
    }
    const size = pngSize(file);
    if (!size) {
      iconProblems.push(`assets/${m[1]} 不是 PNG 图片`);
    } else if (image.size && (size.width !== image.size || size.height !== image.size)) {
      iconProblems.push(
        `${image.what}：assets/${m[1]} 为 ${size.width}×${size.height}，应为 ${image.size}×${image.size}`
      );
    }
  }
  add(
    "manifest.icons",
    images.length > 0 && iconProblems.length === 0,
    iconProblems.length === 0
      ? `${images.length} 个图标地址都对应 assets/ 中尺寸正确的 PNG 文件`
      : `图标有问题：${iconProblems.join("；")}`
  );

  return checks;
}

/**
 * Checks the XML manifest at `xmlPath` without the network.
 * @param {string} xmlPath
 * @param {{ assetsDir?: string }} [options] where the icons live (default: the project's assets/)
 * @returns {Promise<{ ok: boolean, checks: Array<{ id: string, ok: boolean, message: string }> }>}
 */
export async function checkManifestOffline(xmlPath, options = {}) {
  const assetsDir = options.assetsDir || join(projectRoot, "assets");
  const checks = [];
  const add = (id, ok, message) => checks.push({ id, ok, message });

  let source;
  try {
    source = readFileSync(xmlPath, "utf8");
  } catch (err) {
    add("xml.read", false, `无法读取清单文件 ${xmlPath}：${err.message}`);
    return { ok: false, checks };
  }

  const { doc, problems } = parseXml(source);
  add(
    "xml.parse",
    problems.length === 0 && !!doc.documentElement,
    problems.length === 0 ? "XML 格式正确" : `XML 格式错误：${problems.join("；")}`
  );
  if (problems.length > 0 || !doc.documentElement) return { ok: false, checks };
  checks.push(...projectChecks(doc, assetsDir));

  // Microsoft's converter and schema.
  const outDir = mkdtempSync(join(tmpdir(), "ziping-manifest-"));
  try {
    let converted;
    try {
      await convert(xmlPath, outDir, false, SCHEMA_URL, SCHEMA_VERSION, false);
      const jsonPath = join(outDir, "manifest.json");
      if (existsSync(jsonPath)) converted = JSON.parse(readFileSync(jsonPath, "utf8"));
      add(
        "convert",
        !!converted,
        converted
          ? "微软转换工具（office-addin-manifest-converter）能解析此清单并转换为统一 JSON 清单"
          : "微软转换工具没有生成 JSON 清单（清单缺少必需内容）"
      );
    } catch (err) {
      const reason = String(err && err.message ? err.message : err).replace(/\s*\n\s*/g, " ");
      add("convert", false, `微软转换工具无法解析此清单：${reason}`);
    }
    if (converted) {
      let errors;
      try {
        errors = await AppManifestUtils.validateAgainstSchema(converted);
      } catch (err) {
        errors = [`无法加载架构：${err.message}`];
      }
      add(
        "schema",
        errors.length === 0,
        errors.length === 0
          ? `转换后的 JSON 清单符合微软架构（v${SCHEMA_VERSION}，@microsoft/app-manifest）`
          : `转换后的 JSON 清单不符合微软架构（v${SCHEMA_VERSION}）：${errors.join("；")}`
      );
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }

  return { ok: checks.every((c) => c.ok), checks };
}
