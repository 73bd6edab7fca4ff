/**
 * The action's one place that turns failure into a failed step. A regression fails the step in
 * runAction with its own message; here only errors arrive, and they say so — the two never look
 * alike.
 */
import * as core from '@actions/core';
import { describeError, isUserError } from '../errors.js';
import { actionMessage } from './log.js';
import { runAction } from './run.js';

export async function main(): Promise<void> {
  try {
    await runAction();
  } catch (e: unknown) {
    if (isUserError(e)) {
      core.setFailed(`threadgate: error (not a regression): ${actionMessage(e.message)}`);
    } else {
      core.setFailed(
        `threadgate: internal error (not a regression; please report it): ${actionMessage(describeError(e))}`,
      );
      if (e instanceof Error && e.stack) core.debug(e.stack);
    }
  }
  // Exit now, after success as after an error: nothing is left to do, and a leftover timer,
  // socket or child process must not hold the step open until the job's timeout (a failed
  // Azure download in @actions/cache leaves a 10-minute timer: actions/toolkit#2470).
  // Flush stdout first.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exit(process.exitCode ?? 0);
}
