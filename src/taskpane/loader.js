// The loader of taskpane.html, inlined there at build (webpack.config.js). ES5 on purpose, no module
// syntax: it runs first, in every webview Office may use, and decides which pane to load.
//
// - Internet Explorer 11 (Trident: Office 2016/2019 volume licence) cannot run React 19 and Fluent
//   UI v9: it gets the lite pane (plain DOM, ES5), which does the core work.
// - A webview without ES2017 (async functions, classes, arrows) gets the lite pane too.
// - Everything else — WebView2, WebKit on the Mac, and EdgeHTML 18 (some Microsoft 365 builds),
//   for which the modern bundle is compiled — gets the full pane. Should it fail before it has
//   drawn anything (an error while "正在加载…" is still shown), the lite pane is loaded instead.
// - `?pane=lite` or `?pane=modern` forces a pane (for testing, and for a user who wants the other).
//
// Office's requirement sets are read once Office is ready and named in the lite pane's one line.
// The decision is kept in window.ZIPING_PANE: { pane, reason, excelApi }.
// `bundles` ({ modern: [...], lite: [...] }, file names) is defined by the template before this.
(function () {
  var upgrade = "在 Office 2021、Office 2024 或 Microsoft 365 中打开可使用完整界面。";
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
      return { pane: "lite", reason: "当前 Office 的内置浏览器过旧，不能运行完整界面，已打开精简界面。" + upgrade };
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
    window.ZIPING_PANE = withApi(decision);
    load(bundles.modern, function () {
      show("无法加载自评助手的脚本文件，请检查加载项的网址能否访问后重新打开。");
    });
  }

  window.onerror = function (message, source, line, column, error) {
    if (drawn()) return;
    if (typeof window.Office === "undefined") {
      show("无法加载 Office.js（https://appsforoffice.microsoft.com）：请确认这台电脑能访问该地址后重新打开自评助手。");
      return;
    }
    if (started === "modern") {
      var why = error instanceof SyntaxError || /syntax/i.test(String(message)) ? "不支持其脚本" : String(message);
      startLite("完整界面未能在当前内置浏览器中启动（" + why + "），已切换为精简界面。" + upgrade);
      return;
    }
    show((started === "lite" ? "自评助手的精简界面未能启动：" : "自评助手未能启动：") + String(message));
  };

  // Wait for Office (its requirement sets are known only then), but not forever: outside Office,
  // or if office.js never answers, the pane still loads and says so itself.
  if (window.Office && typeof Office.onReady === "function") {
    Office.onReady(start);
    window.setTimeout(start, 10000);
  } else {
    start();
  }
})();
