import assert from 'node:assert/strict';
import { Idle } from '../../src/extension/Idle';
import { RefreshPacer, type PacerClock } from '../../src/extension/claims/refreshPacer';

/** A clock whose time moves only when told; timers fire in time order as it moves. */
class FakeClock implements PacerClock {
  private t = 1_000;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private ids = 0;
  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.ids;
    this.timers.push({ at: this.t + ms, fn, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter(x => x.id !== handle);
  }
  get armed(): number {
    return this.timers.length;
  }
  /** Moves the time by `ms`, firing what falls due (and letting the promises they start settle). */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.t = next.at;
      next.fn();
      await settle();
    }
    this.t = end;
    await settle();
  }
}

const settle = async () => { for (let i = 0; i < 5; i++) await Promise.resolve(); };

function setup(run?: () => Promise<void> | void) {
  const clock = new FakeClock();
  const idle = new Idle();
  const starts: number[] = [];
  const pacer = new RefreshPacer(() => { starts.push(clock.now()); return run?.(); }, idle, 150, clock);
  return { clock, idle, starts, pacer };
}

describe('the Claims view lists changed sources at once, then at most once per gap (RefreshPacer)', () => {
  it('a change after a quiet spell is listed on the next turn, not after the gap', async () => {
    const { clock, starts, pacer } = setup();
    pacer.request();
    assert.deepEqual(starts, [], 'not inside the call (the changes of one push are listed together)');
    await clock.advance(0);
    assert.deepEqual(starts, [1_000]);
  });

  it('changes within the gap wait for one listing at its end', async () => {
    const { clock, starts, pacer } = setup();
    pacer.request();
    await clock.advance(0);
    await clock.advance(40);
    pacer.request();
    await clock.advance(30);
    pacer.request();
    pacer.request();
    assert.deepEqual(starts, [1_000]);
    await clock.advance(100);
    assert.deepEqual(starts, [1_000, 1_150], 'one listing, 150 ms after the first began');
    // Quiet again: the next change is listed at once.
    await clock.advance(500);
    pacer.request();
    await clock.advance(0);
    assert.deepEqual(starts, [1_000, 1_150, 1_670]);
  });

  it('a change during a listing waits for it to end, and never starts a second one beside it', async () => {
    let finish: () => void = () => undefined;
    const { clock, starts, pacer } = setup(() => new Promise<void>(resolve => { finish = resolve; }));
    pacer.request();
    await clock.advance(0);
    pacer.request();
    await clock.advance(400);
    assert.deepEqual(starts, [1_000], 'the first listing has not settled');
    finish();
    await settle();
    await clock.advance(0);
    assert.deepEqual(starts, [1_000, 1_400], 'listed as soon as the first settled (the gap had passed)');
  });

  it('counts as pending work until the last listing settles, and a failed listing does not stop the next', async () => {
    let fail = true;
    const { clock, idle, starts, pacer } = setup(() => (fail ? Promise.reject(new Error('worker gone')) : undefined));
    assert.equal(idle.busy, false);
    pacer.request();
    assert.equal(idle.busy, true, 'busy while a listing waits');
    await clock.advance(0);
    assert.equal(idle.busy, false, 'idle once it settled, even failed');
    fail = false;
    pacer.request();
    await clock.advance(150);
    assert.equal(starts.length, 2);
    assert.equal(idle.busy, false);
  });

  it('disposed: nothing waits and nothing runs', async () => {
    const { clock, idle, starts, pacer } = setup();
    pacer.request();
    pacer.dispose();
    assert.equal(idle.busy, false);
    assert.equal(clock.armed, 0);
    pacer.request();
    await clock.advance(1_000);
    assert.deepEqual(starts, []);
  });
});
