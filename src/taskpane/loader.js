// The loader of taskpane.html (Excel) and wps/taskpane.html (WPS 表格), inlined there at build
// (webpack.config.js). ES5 on purpose, no module syntax: it runs first, in every webview Office or
// WPS may use, and decides which pane to load.
//
// - Internet Explorer 11 (Trident: Office 2016/2019 volume licence) cannot run React 19 and Fluent
//   UI v9: it gets the lite pane (plain DOM, ES5), which does the core work.
// - A webview without ES2017 (async functions, classes, arrows) gets the lite pane too: in WPS,
//   whose webview is a Chromium of undocumented version, this probe is what decides.
// - Everything else — WebView2, WebKit on the Mac, EdgeHTML 18 (some Microsoft 365 builds), WPS's
//   Chromium — gets the full pane. Should it fail before it has drawn anything (an error while
//   "正在加载…" is still shown), the lite pane is loaded instead.
// - `?pane=lite` or `?pane=modern` forces a pane (for testing, and for a user who wants the other).
// - The full pane's polyfills for older webviews (src/taskpane/polyfills.ts: EdgeHTML 18, an older
//   Chromium in WPS) are a script of their own, loaded before the pane only where a probe finds a
//   built-in missing that every current webview has; WebView2, Mac WebKit and a current Chromium
//   never fetch them.
//
// In Excel, Office.js must have loaded (from Microsoft's CDN, or from the add-in's own server when
// built with ZIPING_OFFICE_JS): without it no pane is loaded, and the pane says so in one line,
// never with an uncaught error. Office's requirement sets are read once Office is ready and named
// in the lite pane's one line. The decision is kept in window.ZIPING_PANE: { pane, reason, excelApi,
// and for the full pane polyfills: whether the older webviews' polyfills were loaded }.
//
// Defined by the template before this: `bundles` ({ modern: [...], polyfills: [...], lite: [...] }, file names),
// `zipingHost` ("office" or "wps") and, for Office, `zipingOfficeJs` (where office.js is loaded from).
(function () {
  var host = typeof zipingHost === "string" ? zipingHost : "office";
  var wps = host === "wps";
  var upgrade = wps
    ? "升级到较新的 WPS Office 可使用完整界面。"
    : "在 Office 2021、Office 2024 或 Microsoft 365 中打开可使用完整界面。";
  var cdn = "https://appsforoffice.microsoft.com";
  var started = false;

  function show(text) {
    var el = document.getElementById("boot-message");
    if (el) {
      el.innerHTML = "";
      el.appendChild(document.createTextNode(text));
    }
  }

  /** Whether the full pane has drawn: it replaces the boot message. */
  function drawn() {
    return !document.getElementById("boot-message");
  }

  function queryPane() {
    var m = /[?&]pane=(lite|modern)(?:&|#|$)/.exec(window.location.search || "");
    return m ? m[1] : null;
  }

  function supportsEs2017() {
    try {
      new Function("class A { m() { return async () => { await 0; }; } } let x = `${1}`; const y = [...[x]];");
      return true;
    } catch (_e) {
      return false;
    }
  }

  /**
   * Whether the full pane needs the older webviews' polyfills: a built-in missing that the webviews
   * it is built for without them all have (Chrome 100, Safari 15, Firefox 115) — each of these
   * arrived in Chromium 85 to 93 and Safari 14 to 15, none in EdgeHTML 18.
   */
  function needsPolyfills() {
    try {
      return !(
        typeof globalThis === "object" &&
        typeof queueMicrotask === "function" &&
        typeof Object.fromEntries === "function" &&
        typeof Array.prototype.flatMap === "function" &&
        typeof String.prototype.matchAll === "function" &&
        typeof String.prototype.replaceAll === "function" &&
        typeof Promise.allSettled === "function" &&
        typeof Promise.any === "function" &&
        typeof Symbol === "function" &&
        "description" in Symbol.prototype &&
        new RegExp(".", "s").dotAll === true &&
        new Error("", { cause: 1 }).cause === 1
      );
    } catch (_e) {
      return true;
    }
  }

  /** The highest ExcelApi requirement set the host reports, as "1.x"; "" when unknown. */
  function highestExcelApi() {
    var highest = "";
    try {
      var requirements = window.Office && Office.context && Office.context.requirements;
      if (!requirements) return "";
      for (var minor = 1; minor <= 20; minor++) {
        if (requirements.isSetSupported("ExcelApi", "1." + minor)) highest = "1." + minor;
      }
    } catch (_e) {
      return highest;
    }
    return highest;
  }

  function decide() {
    var ua = window.navigator.userAgent;
    var forced = queryPane();
    if (forced === "lite") return { pane: "lite", reason: "已按地址参数（pane=lite）打开精简界面。" };
    if (forced === "modern") return { pane: "modern", reason: "已按地址参数（pane=modern）打开完整界面。" };
    if (/Trident\/|MSIE /.test(ua))
      return {
        pane: "lite",
        reason:
          "当前 Office 使用 Internet Explorer 11 显示任务窗格，完整界面无法在其中运行，已打开精简界面。" + upgrade,
      };
    if (!supportsEs2017())
      return {
        pane: "lite",
        reason: "当前 " + (wps ? "WPS" : "Office") + " 的内置浏览器过旧，不能运行完整界面，已打开精简界面。" + upgrade,
      };
    return { pane: "modern", reason: /Edge\/\d/.test(ua) ? "EdgeHTML" : "" };
  }

  function load(files, onError) {
    for (var i = 0; i < files.length; i++) {
      var script = document.createElement("script");
      script.src = files[i];
      // Scripts added by script run in the order they were added only when async is off.
      script.async = false;
      if (onError) script.onerror = onError;
      document.body.appendChild(script);
    }
  }

  function withApi(decision) {
    var api = highestExcelApi();
    decision.excelApi = api;
    if (decision.pane === "lite" && api) decision.reason += "（Excel 支持的接口版本：ExcelApi " + api + "）";
    return decision;
  }

  function startLite(reason) {
    if (started === "lite") return;
    started = "lite";
    window.ZIPING_PANE = withApi({ pane: "lite", reason: reason });
    load(bundles.lite);
  }

  function start() {
    if (started) return;
    var decision = decide();
    if (decision.pane === "lite") return startLite(decision.reason);
    started = "modern";
    decision.polyfills = needsPolyfills();
    window.ZIPING_PANE = withApi(decision);
    load((decision.polyfills ? bundles.polyfills || [] : []).concat(bundles.modern), function () {
      show("无法加载自评助手的脚本文件，请检查加载项的网址能否访问后重新打开。");
    });
  }

  /** Where office.js was to come from: Microsoft's CDN, or this server (the intranet build). */
  function officeJsPlace() {
    var src = typeof zipingOfficeJs === "string" ? zipingOfficeJs : "";
    if (!src || src.indexOf(cdn) === 0) return { text: cdn, cdn: true };
    var a = document.createElement("a");
    a.href = src;
    return { text: a.href, cdn: false };
  }

  function officeMissing() {
    var place = officeJsPlace();
    show(
      "无法加载 Office.js（" +
        place.text +
        "）：请确认这台电脑能访问该地址后重新打开自评助手。" +
        (place.cdn
          ? "单位网络不能访问微软网站时，请信息化管理员改用部署在单位服务器上的 Office.js（见自评助手说明“内网部署”）。"
          : "")
    );
  }

  window.onerror = function (message, source, line, column, error) {
    if (drawn()) return;
    if (!wps && typeof window.Office === "undefined") {
      officeMissing();
      return;
    }
    if (started === "modern") {
      var why = error instanceof SyntaxError || /syntax/i.test(String(message)) ? "不支持其脚本" : String(message);
      startLite("完整界面未能在当前内置浏览器中启动（" + why + "），已切换为精简界面。" + upgrade);
      return;
    }
    show((started === "lite" ? "自评助手的精简界面未能启动：" : "自评助手未能启动：") + String(message));
  };

  // WPS: nothing to wait for (its Application is there from the start). Office: without office.js
  // no pane can work, so none is loaded (it would only fail); with it, wait for Office (its
  // requirement sets are known only then), but not forever: outside Office, or if office.js never
  // answers, the pane still loads and says so itself.
  if (wps) {
    start();
  } else if (typeof window.Office === "undefined") {
    officeMissing();
  } else if (typeof Office.onReady === "function") {
    Office.onReady(start);
    window.setTimeout(start, 10000);
  } else {
    start();
  }
})();
