/**
 * The task pane: its header (the add-in's name, the workbook's, what this host lacks, the last
 * error), then — once the workbook has been read — what was recognized, the actions and the tabs
 * (Workspace.tsx). It never calls Office or exceljs: the host does, and the workbook is the one
 * source of truth (every write is followed by a read).
 *
 * What the pane draws first is only this file, the header and the spinner: the workspace, the
 * built-in rubrics and their analysis are one chunk (screen.ts, onDemand.ts) fetched while the
 * workbook is being read, so that the pane's first load stays small (`npm run check:bundles`).
 *
 * App provides the Fluent theme itself (light or dark, following Office's): index.tsx need not
 * wrap it in a FluentProvider.
 */
import * as React from "react";
import { FluentProvider, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { Rubric } from "../../rubric/schema";
import { hostAppName, type HostCommand, type WorkbookHost } from "../model/host";
import { loadScreen } from "../onDemand";
import { errorText } from "./errorText";
import { Header } from "./Header";
import { useWorkbook } from "./useWorkbook";
import { Waiting } from "./Waiting";

export interface AppProps {
  host: WorkbookHost;
  /** The rubrics to recognize and score with; the built-in ones (loaded with the workspace) when not given. */
  rubrics?: readonly Rubric[];
  /** Office's theme; light when not given. */
  theme?: "light" | "dark";
  /** A line shown above the content, e.g. when the pane is opened outside Excel. */
  notice?: string;
}

type Screen = Awaited<ReturnType<typeof loadScreen>>;

const NO_RUBRICS: readonly Rubric[] = [];

const useStyles = makeStyles({
  provider: {
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
    boxSizing: "border-box",
    maxWidth: "100%",
    minWidth: 0,
    overflowWrap: "anywhere",
    // Headings and paragraphs are spaced by the flex gaps, not by browser margins.
    "& h1, & h2, & h3, & h4, & p": { marginTop: 0, marginBottom: 0 },
  },
});

const Pane: React.FC<AppProps> = ({ host, rubrics, notice }) => {
  const styles = useStyles();
  const [screen, setScreen] = React.useState<Screen>();
  const [screenError, setScreenError] = React.useState<string>();
  const [attempt, setAttempt] = React.useState(0);
  const wb = useWorkbook(host, rubrics ?? screen?.trustedBuiltinRubrics ?? NO_RUBRICS, screen);

  // The workspace's chunk, fetched while the workbook is read (a failed fetch is tried again on 重新读取).
  React.useEffect(() => {
    if (screen) return undefined;
    let live = true;
    loadScreen().then(
      (m) => {
        if (live) setScreen(m);
      },
      (e: unknown) => {
        if (live) setScreenError(errorText(e));
      }
    );
    return () => {
      live = false;
    };
  }, [screen, attempt]);

  // WPS's ribbon asks for 准备工作簿 or 发送前校验: kept until the workspace has done it.
  const [command, setCommand] = React.useState<HostCommand>();
  React.useEffect(() => (host.onCommand ? host.onCommand(setCommand) : undefined), [host]);

  return (
    <main className={styles.root}>
      <Header
        name={host.name}
        app={hostAppName(host.kind)}
        notice={notice}
        notes={host.notes}
        error={wb.error ?? screenError}
        skipped={wb.skipped}
        manualRefresh={!host.onChange}
        busy={wb.busy}
        onRefresh={() => void wb.refresh()}
        onDismissError={() => {
          wb.dismissError();
          setScreenError(undefined);
        }}
      />
      {screen ? (
        <screen.Workspace
          host={host}
          wb={wb}
          rubrics={rubrics ?? screen.trustedBuiltinRubrics}
          command={command}
          onCommandTaken={() => setCommand(undefined)}
        />
      ) : (
        <Waiting
          loading={screenError === undefined}
          onRetry={() => {
            setScreenError(undefined);
            setAttempt(attempt + 1);
            void wb.refresh();
          }}
        />
      )}
    </main>
  );
};

const App: React.FC<AppProps> = (props) => {
  const styles = useStyles();
  return (
    <FluentProvider
      theme={props.theme === "dark" ? webDarkTheme : webLightTheme}
      className={styles.provider}
      lang="zh-CN"
    >
      <Pane {...props} />
    </FluentProvider>
  );
};

export default App;
