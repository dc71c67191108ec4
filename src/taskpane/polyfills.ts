/**
 * The full pane's polyfills for older webviews: EdgeHTML 18 (some Microsoft 365 builds on Windows
 * 10), an older Chromium in WPS. A script of its own, which the loader (loader.js) adds before the
 * pane only when the webview lacks one of the features it probes; WebView2, Mac WebKit and a
 * current Chromium never fetch it. webpack.config.js (OlderWebviewPolyfills) leaves these out of
 * the pane's bundles and fails the build when the code comes to use one not listed here (the
 * development build's React uses three more: AggregateError and String.prototype.replaceAll).
 */
import "core-js/modules/es.aggregate-error.js";
import "core-js/modules/es.aggregate-error.cause.js";
import "core-js/modules/es.array.flat-map.js";
import "core-js/modules/es.array.sort.js";
import "core-js/modules/es.array.unscopables.flat-map.js";
import "core-js/modules/es.global-this.js";
import "core-js/modules/es.number.parse-int.js";
import "core-js/modules/es.number.to-fixed.js";
import "core-js/modules/es.object.assign.js";
import "core-js/modules/es.object.from-entries.js";
import "core-js/modules/es.parse-float.js";
import "core-js/modules/es.parse-int.js";
import "core-js/modules/es.promise.all-settled.js";
import "core-js/modules/es.promise.finally.js";
import "core-js/modules/es.promise.js";
import "core-js/modules/es.reflect.set.js";
import "core-js/modules/es.reflect.to-string-tag.js";
import "core-js/modules/es.regexp.constructor.js";
import "core-js/modules/es.regexp.dot-all.js";
import "core-js/modules/es.regexp.exec.js";
import "core-js/modules/es.regexp.test.js";
import "core-js/modules/es.regexp.to-string.js";
import "core-js/modules/es.string.ends-with.js";
import "core-js/modules/es.string.includes.js";
import "core-js/modules/es.string.match.js";
import "core-js/modules/es.string.replace-all.js";
import "core-js/modules/es.string.replace.js";
import "core-js/modules/es.string.search.js";
import "core-js/modules/es.string.split.js";
import "core-js/modules/es.string.starts-with.js";
import "core-js/modules/es.string.trim-end.js";
import "core-js/modules/es.string.trim-start.js";
import "core-js/modules/es.symbol.async-iterator.js";
import "core-js/modules/es.symbol.description.js";
import "core-js/modules/es.weak-map.js";
import "core-js/modules/web.dom-collections.iterator.js";
import "core-js/modules/web.queue-microtask.js";
import "core-js/modules/web.self.js";
