/** `baseline: file:PATH` — a baseline JSON file the user keeps (committed, or an artifact). */

import { BaselineError } from '../errors.js';
import { writeBaselineFile } from './atomic-write.js';
import type { BaselineDocument } from './history.js';
import { parseBaselineFile, readTextIfExists } from './parse.js';
import type { BaselineStore, LoadedBaseline, SaveInfo } from './store.js';

export class FileBaselineStore implements BaselineStore {
  constructor(private readonly path: string) {}

  /** A missing file means "no baseline yet" (the first save creates it); a bad one throws. */
  async load(): Promise<LoadedBaseline | null> {
    const text = await readTextIfExists(this.path, (m) => new BaselineError(`baseline ${m}`));
    if (text === null) return null;
    const parsed = parseBaselineFile(text, this.path);
    return {
      document: parsed.document,
      source: `file ${this.path}`,
      notes:
        parsed.from === 'result'
          ? [`${this.path} is a plain results file: used as a baseline history of one run`]
          : [],
    };
  }

  async save(baseline: BaselineDocument): Promise<SaveInfo> {
    const bytes = await writeBaselineFile(this.path, baseline);
    return { saved: true, location: this.path, detail: `${bytes} bytes` };
  }

  describe(): string {
    return `file:${this.path}`;
  }

  missReason(): string {
    return `${this.path} does not exist yet (the first save creates it)`;
  }
}
