import { afterEach, describe, expect, it } from 'vitest';
import { forgetRemembered, remembered } from './remembered';

afterEach(() => forgetRemembered());

describe('remembered', () => {
  it('reuses a read within its window and reads again after it', async () => {
    let reads = 0;
    const load = async () => ++reads;
    expect(await remembered('k', load, 30, 1_000)).toBe(1);
    expect(await remembered('k', load, 30, 30_999)).toBe(1);
    expect(await remembered('k', load, 30, 31_000)).toBe(2);
    expect(await remembered('other', load, 30, 31_000)).toBe(3);
  });

  it('shares one read among concurrent callers', async () => {
    let reads = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const load = async () => {
      reads++;
      await gate;
      return 'rows';
    };
    const all = Promise.all([remembered('k', load, 30, 0), remembered('k', load, 30, 1), remembered('k', load, 30, 2)]);
    release();
    expect(await all).toEqual(['rows', 'rows', 'rows']);
    expect(reads).toBe(1);
  });

  it('does not keep a failed read', async () => {
    let reads = 0;
    const failing = async () => {
      reads++;
      throw new Error('database gone');
    };
    await expect(remembered('k', failing, 30, 0)).rejects.toThrow('database gone');
    await expect(remembered('k', async () => 'back', 30, 1)).resolves.toBe('back');
    expect(reads).toBe(1);
  });

  it("runs a lazy query once: drizzle's builders query again on every then() or catch()", async () => {
    // The shape of drizzle's QueryPromise: nothing runs until then(), and each then() runs again.
    class LazyQuery implements PromiseLike<string> {
      runs = 0;
      then<A = string, B = never>(ok?: ((v: string) => A | PromiseLike<A>) | null, fail?: ((e: unknown) => B | PromiseLike<B>) | null) {
        this.runs++;
        return Promise.resolve('rows').then(ok, fail);
      }
      catch(fail: (e: unknown) => unknown) {
        return this.then(undefined, fail);
      }
    }
    const query = new LazyQuery();
    const load = () => query as unknown as Promise<string>;
    expect(await remembered('k', load, 30, 0)).toBe('rows');
    expect(await remembered('k', load, 30, 1)).toBe('rows');
    expect(await remembered('k', load, 30, 2)).toBe('rows');
    expect(query.runs).toBe(1);
  });

  it('forgets the least recently used reads when many distinct ones come within a window', async () => {
    // Each filter combination of the explorer is its own key: a visitor walking through all of
    // them in 30 s must not make the process keep every answer until the window ends.
    let reads = 0;
    const load = async () => ++reads;
    await remembered('first', load, 30, 0);
    await remembered('hot', load, 30, 0);
    for (let i = 0; i < 5_000; i++) {
      await remembered(`flood:${i}`, load, 30, 1);
      if (i % 100 === 0) await remembered('hot', load, 30, 1);
    }
    const before = reads;
    await remembered('hot', load, 30, 2);
    expect(reads).toBe(before);
    await remembered('first', load, 30, 2);
    expect(reads).toBe(before + 1);
  });

  it('with a zero window reads every time', async () => {
    let reads = 0;
    const load = async () => ++reads;
    await remembered('k', load, 0, 0);
    await remembered('k', load, 0, 0);
    expect(reads).toBe(2);
  });
});
