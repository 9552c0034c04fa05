import { describe, expect, it } from 'vitest';
import { ticksUpTo } from './line-figure';

describe('ticksUpTo', () => {
  it('gives whole, round steps reaching the largest value', () => {
    expect(ticksUpTo(0)).toEqual([0, 1]);
    expect(ticksUpTo(3)).toEqual([0, 1, 2, 3]);
    expect(ticksUpTo(7)).toEqual([0, 2, 4, 6, 8]);
    expect(ticksUpTo(380)).toEqual([0, 100, 200, 300, 400]);
    expect(ticksUpTo(400)).toEqual([0, 100, 200, 300, 400]);
  });
});
