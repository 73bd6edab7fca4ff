/**
 * What the action touches outside itself, as one object its phases take (src/action/run.ts):
 * the runner's side of the step (inputs, outputs, log, summary, variables for later steps), the
 * environment the runner context is read from, the GitHub client, the baseline store,
 * provisioning onnxruntime-node, the CPU probe and the clock. src/action/main.ts wires the real
 * ones (@actions/core, process.env, …); tests wire the same real components in process, with a
 * recording `core`.
 */
import type { MachineInfo } from '../results/types.js';
import type { BaselineStore } from '../baseline/store.js';
import type { GitHubClient, GitHubClientOptions } from '../github/client.js';
import type { ProvisionOptions, ProvisionResult } from '../provision/index.js';
import type { Result } from '../results/types.js';
import type { OrtModule } from '../workloads/ort.js';
import type { RunnerContext } from './context.js';
import type { ActionSettings } from './inputs.js';

/** The runner's side of a step: what @actions/core gives an action. */
export interface ActionCore {
  /** An input as the runner passes it (INPUT_<NAME>); '' when not set. */
  getInput(name: string): string;
  setOutput(name: string, value: string): void;
  /** A variable for the job's later steps (GITHUB_ENV). */
  exportVariable(name: string, value: string): void;
  info(message: string): void;
  warning(message: string): void;
  notice(message: string): void;
  debug(message: string): void;
  /** Marks the step failed; the step's exit code becomes 1. */
  setFailed(message: string): void;
  /** A folded group of log lines around `fn`. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Appends markdown to the job summary; rejects when it cannot be written. */
  appendSummary(markdown: string): Promise<void>;
}

export interface ActionPorts {
  readonly core: ActionCore;
  /** The runner's environment (GITHUB_*, RUNNER_*): read once into a RunnerContext. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The GitHub REST client for a token (src/github/client.ts's createGitHubClient). */
  readonly github: (token: string, options: GitHubClientOptions) => GitHubClient;
  /** The stored baseline this run reads and extends, or null (`baseline: none`). */
  readonly baselineStore: (
    settings: ActionSettings,
    ctx: RunnerContext,
    result: Result,
  ) => BaselineStore | null;
  /** onnxruntime-node for the sweep: provisioned (src/provision), then loaded. */
  readonly provisionOrt: (options: ProvisionOptions) => Promise<ProvisionResult>;
  readonly loadOrt: (packageDir: string) => OrtModule;
  readonly probeCpu: () => MachineInfo;
  /** Milliseconds on a monotonic clock (performance.now): phases and the budget. */
  readonly now: () => number;
}
