/**
 * The worker's settle after a two-phase edit (src/worker/settle.ts): run once the
 * worker is idle, a step at a time; a change before or during it supersedes it.
 */
import assert from 'node:assert/strict';
import { SettleScheduler } from '../../src/worker/settle';

/** A fake event loop: `later` queues, `tick` runs what was queued. */
function harness(stepsPerSettle = 3) {
  const queue: (() => void)[] = [];
  let owed = true, idle = true;
  const log: string[] = [];
  const scheduler = new SettleScheduler({
    owed: () => owed,
    idle: () => idle,
    *steps() {
      for (let k = 0; k < stepsPerSettle; k++) { log.push(`step ${k}`); yield `s${k}`; }
      owed = false;
      log.push('settled');
      return true;
    },
    done: err => log.push(err ? `failed ${String(err)}` : 'pushed'),
    later: f => queue.push(f),
  });
  const tick = () => { const f = queue.shift(); f?.(); return !!f; };
  const drain = () => { while (tick()); };
  return { scheduler, log, tick, drain, setOwed: (v: boolean) => (owed = v), setIdle: (v: boolean) => (idle = v) };
}

describe('the settle after a two-phase edit (SettleScheduler)', () => {
  it('runs when scheduled, a step per turn of the loop, then pushes', () => {
    const h = harness();
    h.scheduler.schedule();
    assert.deepEqual(h.log, [], 'nothing runs at once');
    h.drain();
    assert.deepEqual(h.log, ['step 0', 'step 1', 'step 2', 'settled', 'pushed']);
    assert.equal(h.scheduler.settled, 1);
  });

  it('a newer change before it runs supersedes it: one settle after the newer push', () => {
    const h = harness();
    h.scheduler.schedule();
    h.scheduler.changed();
    h.drain();
    assert.deepEqual(h.log, [], 'the superseded settle did not run');
    assert.equal(h.scheduler.superseded, 1);
    h.scheduler.schedule(); // the newer change's push
    h.drain();
    assert.deepEqual(h.log, ['step 0', 'step 1', 'step 2', 'settled', 'pushed']);
  });

  it('a change between its steps gives the settle under way up, and the next push starts it again', () => {
    const h = harness();
    h.scheduler.schedule();
    h.tick(); // starts: step 0 runs
    h.tick(); // step 1
    assert.deepEqual(h.log, ['step 0', 'step 1']);
    h.scheduler.changed();
    h.drain();
    assert.deepEqual(h.log, ['step 0', 'step 1'], 'no step after the change, and no push');
    h.scheduler.schedule();
    h.drain();
    assert.deepEqual(h.log.slice(2), ['step 0', 'step 1', 'step 2', 'settled', 'pushed']);
    assert.equal(h.scheduler.superseded, 1);
    assert.equal(h.scheduler.settled, 1);
  });

  it('waits while the worker is busy, and does nothing when nothing is owed or one runs already', () => {
    const h = harness();
    h.setIdle(false);
    h.scheduler.schedule();
    h.drain();
    assert.deepEqual(h.log, [], 'busy: left to the push that ends the work');
    h.setIdle(true);
    h.scheduler.schedule();
    h.tick();
    h.scheduler.schedule(); // a request's push while a settle runs
    h.drain();
    assert.deepEqual(h.log, ['step 0', 'step 1', 'step 2', 'settled', 'pushed'], 'one settle');
    h.scheduler.schedule();
    h.drain();
    assert.equal(h.log.length, 5, 'nothing owed: nothing runs');
  });

  it('a settle that throws is reported once and not tried again before a change', () => {
    const queue: (() => void)[] = [];
    const log: string[] = [];
    const scheduler = new SettleScheduler({
      owed: () => true,
      idle: () => true,
      // eslint-disable-next-line require-yield
      *steps(): Generator<string, boolean> { throw new Error('boom'); },
      done: err => log.push(err ? 'failed' : 'pushed'),
      later: f => queue.push(f),
    });
    scheduler.schedule();
    while (queue.length) queue.shift()!();
    scheduler.schedule();
    while (queue.length) queue.shift()!();
    assert.deepEqual(log, ['failed']);
    scheduler.changed();
    scheduler.schedule();
    while (queue.length) queue.shift()!();
    assert.deepEqual(log, ['failed', 'failed']);
  });
});
