export interface BenchContext {
  readonly quick: boolean;
  readonly log: (line: string) => void;
  /** Scratch directory for this bench run. */
  readonly dir: string;
  /** Figures one section hands to a later one in the same sitting (e.g. false-alarm rates). */
  readonly shared: SharedFigures;
}

/** A measured rate, k of n. */
export interface MeasuredRate {
  readonly k: number;
  readonly n: number;
  /** What was measured, for the line that quotes it. */
  readonly what: string;
}

export interface SharedFigures {
  /** aa-stored: regressions among the A/A comparisons against the stored history. */
  aaStored?: MeasuredRate;
  /** aa-same-job: regressions among the same-job A/A runs. */
  aaSameJob?: MeasuredRate;
  /** recommend: results files of default-budget runs (default shapes, this machine). */
  defaultRuns?: readonly string[];
}

export interface Table {
  /** Shown above the table, when there are several. */
  readonly title?: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface SectionOutput {
  readonly summary: readonly string[];
  readonly table?: Table;
  readonly tables?: readonly Table[];
}

export interface Section {
  readonly name: string;
  readonly title: string;
  run(ctx: BenchContext): Promise<SectionOutput>;
}
