/** `baseline: file:PATH` — a baseline JSON file the user keeps (committed, or an artifact). */

import { BaselineError } from '../errors.js';
import { withFileLock } from '../io/file-lock.js';
import { writeBaselineFile } from './atomic-write.js';
import { readBaselineIfExists, type ReadPlace } from '../contract/documents.js';
import type { BaselineStore, LoadedBaseline, MergeIntoStored, SaveInfo } from './store.js';

export class FileBaselineStore implements BaselineStore {
  /** With `place.within` (the action's workspace), a committed link cannot lead the read out of it. */
  constructor(
    private readonly path: string,
    private readonly place: ReadPlace = {},
  ) {}

  /** A missing file means "no baseline yet" (the first save creates it); a bad one throws. */
  async load(): Promise<LoadedBaseline | null> {
    const parsed = await readBaselineIfExists(this.path, 'baseline', this.place);
    if (parsed === null) return null;
    return {
      document: parsed.document,
      source: `file ${this.path}`,
      notes:
        parsed.from === 'result'
          ? [`${this.path} is a plain results file: used as a baseline history of one run`]
          : [],
    };
  }

  /** Under a lock: re-read the file (another run may have saved since load()), merge, write. */
  async save(merge: MergeIntoStored): Promise<SaveInfo> {
    try {
      return await withFileLock(this.path, async () => {
        // Unreadable: the history starts afresh (the caller said so already).
        const stored = await this.load().then(
          (b) => b?.document ?? null,
          () => null,
        );
        const bytes = await writeBaselineFile(this.path, merge(stored));
        return { saved: true, location: this.path, detail: `${bytes} bytes` };
      });
    } catch (e) {
      if (e instanceof BaselineError) throw e;
      throw new BaselineError(`cannot save baseline ${this.path}: ${(e as Error).message}`);
    }
  }

  describe(): string {
    return `file:${this.path}`;
  }

  missReason(): string {
    return `${this.path} does not exist yet (the first save creates it)`;
  }
}
