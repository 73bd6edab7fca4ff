/**
 * A test file's shared set-up and tear-down: before() and after() at the top level, with after()
 * waiting for what before() started. When a name filter (`npm test -- --test-name-pattern=…`)
 * matches none of a file's tests, node:test (seen on 24.21) starts before() and runs after()
 * without waiting for it: an after() that removes what before() made then finds nothing, and
 * what before() makes a moment later (a temporary folder, a server that keeps the process
 * alive) is left behind.
 */
import { after, before } from 'node:test';

export function setUpFile(setUp: () => Promise<void>, tearDown: () => Promise<void>): void {
  let started: Promise<void> | undefined;
  before(() => (started = setUp()));
  after(async () => {
    if (started === undefined) return;
    // A set-up that failed is reported by before(); tear down what it got to.
    await started.catch(() => undefined);
    await tearDown();
  });
}
