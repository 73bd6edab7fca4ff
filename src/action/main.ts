/**
 * The action's entry: the real ports (@actions/core, the runner's environment, the GitHub client,
 * the baseline stores, provisioning, the CPU probe, the clock) and the one place that turns
 * failure into a failed step. A regression fails the step in runAction with its own message
 * (decided by decideOutcome); here only errors arrive, and they say so — the two never look
 * alike.
 */
import * as core from '@actions/core';
import { probeCpu } from '../cpu/index.js';
import { describeError, isUserError } from '../errors.js';
import { createGitHubClient } from '../github/client.js';
import { provisionOrt } from '../provision/index.js';
import { loadOrt } from '../workloads/ort.js';
import { chooseStore } from './baseline-phase.js';
import { actionMessage } from './log.js';
import type { ActionCore, ActionPorts } from './ports.js';
import { runAction } from './run.js';

/** @actions/core as the step's core. */
export const runnerCore: ActionCore = {
  getInput: (name) => core.getInput(name),
  setOutput: (name, value) => core.setOutput(name, value),
  exportVariable: (name, value) => core.exportVariable(name, value),
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  notice: (message) => core.notice(message),
  debug: (message) => core.debug(message),
  setFailed: (message) => core.setFailed(message),
  group: (name, fn) => core.group(name, fn),
  appendSummary: async (markdown) => {
    await core.summary.addRaw(markdown).write();
  },
};

/** The ports of a step on a runner. */
export function runnerPorts(): ActionPorts {
  return {
    core: runnerCore,
    env: process.env,
    github: createGitHubClient,
    baselineStore: chooseStore,
    provisionOrt,
    loadOrt,
    probeCpu: () => probeCpu(),
    now: () => performance.now(),
  };
}

/** Runs the step; an error fails it as an error (never as a regression), through ports.core. */
export async function runStep(ports: ActionPorts): Promise<void> {
  try {
    await runAction(ports);
  } catch (e: unknown) {
    if (isUserError(e)) {
      ports.core.setFailed(`threadgate: error (not a regression): ${actionMessage(e.message)}`);
    } else {
      ports.core.setFailed(
        `threadgate: internal error (not a regression; please report it): ${actionMessage(describeError(e))}`,
      );
      if (e instanceof Error && e.stack) ports.core.debug(e.stack);
    }
  }
}

export async function main(): Promise<void> {
  await runStep(runnerPorts());
  // Exit now, after success as after an error: nothing is left to do, and a leftover timer,
  // socket or child process must not hold the step open until the job's timeout (a failed
  // Azure download in @actions/cache leaves a 10-minute timer: actions/toolkit#2470).
  // Flush stdout first.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exit(process.exitCode ?? 0);
}
