/**
 * The worker's settle after a two-phase edit (src/worker/settle.ts): run once the
 * worker is idle, a step at a time; a change before or during it supersedes it.
 */
import assert from 'node:assert/strict';
import { MAX_QUIET_MS, SettleScheduler } from '../../src/worker/settle';

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

  describe('the quiet spell before a settle', () => {
    /** A scheduler on a fake clock: each step takes `stepMs`; `after` timers fire when `advance` passes them. */
    function timed(stepMs: number) {
      const queue: (() => void)[] = [];
      let timers: { at: number; f: () => void }[] = [];
      let now = 0, owed = true, step = stepMs;
      const log: string[] = [];
      const scheduler = new SettleScheduler({
        owed: () => owed,
        idle: () => true,
        *steps() {
          for (let k = 0; k < 3; k++) { now += step; log.push(`step ${k}`); yield `s${k}`; }
          owed = false;
          return true;
        },
        done: () => log.push('pushed'),
        later: f => queue.push(f),
        after: (ms, f) => timers.push({ at: now + ms, f }),
        now: () => now,
      });
      const tick = () => queue.shift()?.();
      const drain = () => { while (queue.length) tick(); };
      /** The clock moves on by `ms`; the timers due fire (and what they queue runs, with `run`). */
      const advance = (ms: number, run = true) => {
        now += ms;
        const due = timers.filter(t => t.at <= now);
        timers = timers.filter(t => t.at > now);
        for (const t of due) t.f();
        if (run) drain();
      };
      /** An edit: the change, then its push schedules the settle. */
      const edit = () => { scheduler.changed(); owed = true; scheduler.schedule(); drain(); };
      return { scheduler, log, tick, advance, edit, setStep: (ms: number) => (step = ms), setOwed: () => (owed = true) };
    }

    it('the first settle starts at once; the next waits, after the last change, as long as the last settle took', () => {
      const h = timed(100);
      h.edit();
      assert.deepEqual(h.log, ['step 0', 'step 1', 'step 2', 'pushed'], 'no settle known yet: no wait');
      assert.equal(h.scheduler.expectedMs, 300);
      h.log.length = 0;
      h.edit();
      assert.deepEqual(h.log, [], 'waits for 300 ms of quiet');
      h.advance(299);
      assert.deepEqual(h.log, []);
      h.advance(1);
      assert.deepEqual(h.log, ['step 0', 'step 1', 'step 2', 'pushed']);
    });

    it('a change during the quiet spell starts it again: no settle runs while the edits come closer than a settle takes', () => {
      const h = timed(100);
      h.edit();
      h.log.length = 0;
      for (let k = 0; k < 10; k++) {
        h.advance(250);
        h.edit();
      }
      assert.deepEqual(h.log, [], 'edits 250 ms apart, settles of 300 ms: none started');
      h.advance(300);
      assert.deepEqual(h.log, ['step 0', 'step 1', 'step 2', 'pushed'], 'one settle once the edits pause');
      assert.equal(h.scheduler.settled, 2);
    });

    it('the wait is capped; a settle given up after running longer than the last one took raises it, one given up sooner does not', () => {
      const h = timed(4_000);
      h.edit();
      assert.equal(h.scheduler.expectedMs, 12_000);
      h.scheduler.changed();
      h.setOwed();
      h.scheduler.schedule();
      assert.equal(h.scheduler.quietLeft(), MAX_QUIET_MS, 'at most MAX_QUIET_MS');
      h.advance(MAX_QUIET_MS - 1, false);
      h.tick();
      assert.equal(h.log.length, 4, 'not before');
      h.advance(1, false);
      h.tick();
      assert.deepEqual(h.log.slice(4), ['step 0'], 'started after the capped spell');
      h.scheduler.changed(); // given up 4 s in
      h.advance(0); // (its next step, queued, finds it given up)
      assert.equal(h.log.length, 5);
      assert.equal(h.scheduler.expectedMs, 12_000, 'given up sooner than the last took: unchanged');
      h.setStep(20_000);
      h.setOwed();
      h.scheduler.schedule();
      h.advance(MAX_QUIET_MS, false);
      h.tick();
      assert.deepEqual(h.log.slice(5), ['step 0'], 'the spell had passed: started at once');
      h.scheduler.changed(); // given up 20 s in
      assert.equal(h.scheduler.expectedMs, 40_000, 'raised to twice what it ran');
    });

    it('edits at an even gap after a settle given up: no settle starts just before the next edit', () => {
      // Settles of three 4 s steps, edits every 8 s. The first settle, with nothing known, starts at once and is given
      // up 8 s in: the spell becomes twice that, capped at 10 s, longer than the gap. (Raised to 8 s alone, a settle
      // would start as each next edit came.)
      const h = timed(4_000);
      h.setOwed();
      h.scheduler.schedule();
      h.tick(); // starts: step 0 (the clock at 4 s)
      h.tick(); // step 1 (8 s)
      h.edit(); // given up 8 s in
      assert.equal(h.scheduler.expectedMs, 16_000);
      const started = h.log.length;
      for (let k = 0; k < 10; k++) {
        h.advance(8_000);
        h.edit();
      }
      assert.equal(h.log.length, started, 'no settle started between edits 8 s apart');
      h.advance(MAX_QUIET_MS);
      assert.deepEqual(h.log.slice(started), ['step 0', 'step 1', 'step 2', 'pushed'], 'one settle once they stop');
      assert.equal(h.scheduler.settled, 1);
    });

    it('a settle that settles nothing leaves what is waited for no shorter', () => {
      const queue: (() => void)[] = [];
      let now = 0;
      const scheduler = new SettleScheduler({
        owed: () => true,
        idle: () => true,
        *steps(): Generator<string, boolean> { now += 5; yield 's'; return false; },
        done: () => undefined,
        later: f => queue.push(f),
        after: () => undefined,
        now: () => now,
      });
      scheduler.expectedMs = 15_000;
      scheduler.schedule();
      while (queue.length) queue.shift()!();
      assert.equal(scheduler.expectedMs, 15_000);
    });
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
