import { describe, expect, it } from 'vitest';
import { oneAtATime } from './one-at-a-time';

/** A run that waits until the test lets it finish. */
function gatedRun() {
  const gates: (() => void)[] = [];
  let started = 0;
  let active = 0;
  let overlapped = false;
  const run = () => {
    started++;
    active++;
    if (active > 1) overlapped = true;
    return new Promise<void>((resolve) =>
      gates.push(() => {
        active--;
        resolve();
      }),
    );
  };
  return { run, finishNext: () => gates.shift()?.(), started: () => started, overlapped: () => overlapped };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('oneAtATime', () => {
  it('runs again once a run ends when asked while it ran (the signal came back mid-attempt)', async () => {
    const g = gatedRun();
    const send = oneAtATime(g.run);
    const first = send();
    await tick();
    const second = send();
    expect(g.started()).toBe(1);
    g.finishNext();
    await tick();
    expect(g.started()).toBe(2);
    g.finishNext();
    await Promise.all([first, second]);
    expect(g.overlapped()).toBe(false);
  });

  it('asks made while one ran cause a single extra run, not one each', async () => {
    const g = gatedRun();
    const send = oneAtATime(g.run);
    const all = [send(), send(), send(), send()];
    await tick();
    g.finishNext();
    await tick();
    g.finishNext();
    await Promise.all(all);
    expect(g.started()).toBe(2);
  });

  it('a lone ask runs once, and a later ask runs again', async () => {
    const g = gatedRun();
    const send = oneAtATime(g.run);
    const first = send();
    await tick();
    g.finishNext();
    await first;
    expect(g.started()).toBe(1);
    const later = send();
    await tick();
    g.finishNext();
    await later;
    expect(g.started()).toBe(2);
  });

  it('a failed run does not stop the next ask', async () => {
    let calls = 0;
    const send = oneAtATime(async () => {
      calls++;
      if (calls === 1) throw new Error('network');
    });
    await expect(send()).rejects.toThrow('network');
    await send();
    expect(calls).toBe(2);
  });
});
