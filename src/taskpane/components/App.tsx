import * as React from "react";
import {
  Badge,
  Body1,
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";

/** What the pane shows of a built-in rubric. */
export interface RubricSummary {
  id: string;
  title: string;
  /** Base points (满分), bonus items excluded. */
  points: number;
  /** Bonus points (加分) reported apart from the base total; 0 when the rubric has none. */
  bonus: number;
}

export interface AppProps {
  rubrics: ReadonlyArray<RubricSummary>;
  /** A line shown above the content, e.g. when the pane is opened outside Excel. */
  notice?: string;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  header: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  points: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  id: {
    color: tokens.colorNeutralForeground3,
    fontFamily: tokens.fontFamilyMonospace,
  },
});

/** Formats a point value the way the rubrics print them: 100, 2.5. */
function formatPoints(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** The task pane's content. It never calls Office: whatever it needs from the host comes in as props. */
const App: React.FC<AppProps> = ({ rubrics, notice }) => {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title2 as="h1">自评助手</Title2>
        <Body1>县域养老服务体系考核自评：识别任务分解表与评分细则，填写自评得分，发送前校验。</Body1>
      </header>
      {notice ? (
        <MessageBar intent="warning">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      ) : null}
      <section aria-labelledby="rubrics-heading" className={styles.header}>
        <Subtitle2 as="h2" id="rubrics-heading">
          内置评分细则（{rubrics.length} 套）
        </Subtitle2>
        {rubrics.length === 0 ? (
          <Body1>暂无内置评分细则。</Body1>
        ) : (
          <ul className={styles.list}>
            {rubrics.map((r) => (
              <li key={r.id} className={styles.item}>
                <Body1>{r.title}</Body1>
                <Caption1 className={styles.id}>{r.id}</Caption1>
                <span className={styles.points}>
                  <Badge appearance="tint" color="brand">
                    满分 {formatPoints(r.points)} 分
                  </Badge>
                  {r.bonus > 0 ? (
                    <Badge appearance="tint" color="success">
                      加分 {formatPoints(r.bonus)} 分
                    </Badge>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
};

export default App;
