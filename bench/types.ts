export interface BenchContext {
  readonly quick: boolean;
  readonly log: (line: string) => void;
  /** Scratch directory for this bench run. */
  readonly dir: string;
}

export interface SectionOutput {
  readonly summary: readonly string[];
  readonly table?: {
    readonly header: readonly string[];
    readonly rows: readonly (readonly string[])[];
  };
}

export interface Section {
  readonly name: string;
  readonly title: string;
  run(ctx: BenchContext): Promise<SectionOutput>;
}
