import { describe, expect, it } from 'vitest';
import { sessionTokenOf } from './session-cookie';

describe('sessionTokenOf', () => {
  it('reads the token and the cookie name it is salted with, over http and https', () => {
    expect(sessionTokenOf([{ name: 'agora-locale', value: 'pl' }, { name: 'authjs.session-token', value: 'abc' }])).toEqual({ token: 'abc', salt: 'authjs.session-token' });
    expect(sessionTokenOf([{ name: '__Secure-authjs.session-token', value: 'xyz' }])).toEqual({ token: 'xyz', salt: '__Secure-authjs.session-token' });
  });

  it('joins a split token in the order of its pieces, not of the cookies', () => {
    const pieces = [10, 2, 0, 1, 9, 3, 4, 5, 6, 7, 8].map((i) => ({ name: `authjs.session-token.${i}`, value: `<${i}>` }));
    expect(sessionTokenOf(pieces)).toEqual({ token: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => `<${i}>`).join(''), salt: 'authjs.session-token' });
  });

  it('finds none without a session cookie', () => {
    expect(sessionTokenOf([])).toBeNull();
    expect(sessionTokenOf([{ name: 'authjs.csrf-token', value: 'a' }, { name: 'authjs.session-token-old', value: 'b' }])).toBeNull();
    expect(sessionTokenOf([{ name: 'xauthjs.session-token', value: 'c' }, { name: 'authjs.callback-url', value: 'd' }])).toBeNull();
  });
});
