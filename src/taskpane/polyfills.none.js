// What a polyfill import in the full pane's bundles becomes when only older webviews need it
// (webpack.config.js, OlderWebviewPolyfills): nothing; src/taskpane/polyfills.ts brings it there.
