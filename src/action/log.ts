/**
 * The action's log lines. Anything written to stdout that starts a line with `::` is a workflow
 * command to the runner, so every message passes through plainText (no control characters: a
 * file's `\n::error::…` stays on our line) and is capped. And the action's errors name inputs,
 * not the CLI's flags the shared code names (`--model` → `model`).
 */
import { plainText } from '../report/text.js';
import type { ActionCore } from './ports.js';

/** The action's log lines, each made plain text and capped, into the runner's log. */
export interface ActionLog {
  info(line: string): void;
  warning(line: string): void;
}

export function actionLog(core: ActionCore): ActionLog {
  return {
    info: (line) => core.info(plainText(line, 4000)),
    warning: (line) => core.warning(plainText(line, 4000)),
  };
}

/** The CLI flags the shared code names in its errors, and the action inputs they are. */
const FLAG_TO_INPUT: Readonly<Record<string, string>> = {
  '--sizes': 'sizes',
  '--threads': 'threads',
  '--max-time': 'max-time',
  '--model': 'model',
  '--input-shape': 'input-shapes',
  '--command': 'command',
  '--timeout': 'timeout',
  '--metric-unit': 'metric-unit',
  '--metric': 'metric',
  '--threshold': 'threshold',
};

/** An error message as the action's user should read it: input names, one line. */
export function actionMessage(message: string): string {
  const renamed = message.replace(
    /(^|[\s(`"'])(--[a-z][a-z-]*)(?=[\s:,)`"'=]|$)/g,
    (m, pre: string, flag: string) =>
      FLAG_TO_INPUT[flag] !== undefined ? `${pre}${FLAG_TO_INPUT[flag]}` : m,
  );
  return plainText(renamed, 8000);
}
