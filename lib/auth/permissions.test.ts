import { describe, expect, it } from 'vitest';
import { canAdminister, communesWithRole, hasRole, requireUser, type CurrentUser } from './permissions';
import { safeCallbackUrl } from './schema';

const user = (roles: CurrentUser['roles']): CurrentUser => ({ id: 'u', email: 'u@example.pl', name: 'U', locale: 'pl', roles });

describe('hasRole', () => {
  it('a county-wide grant reaches every commune, a scoped one only its own', () => {
    const county = user([{ role: 'moderator', communeId: null }]);
    const scoped = user([{ role: 'moderator', communeId: 4 }]);
    expect(hasRole(county, 'moderator', 4)).toBe(true);
    expect(hasRole(county, 'moderator', 7)).toBe(true);
    expect(hasRole(scoped, 'moderator', 4)).toBe(true);
    expect(hasRole(scoped, 'moderator', 7)).toBe(false);
    expect(hasRole(scoped, 'moderator')).toBe(true);
    expect(hasRole(scoped, 'coordinator', 4)).toBe(false);
  });

  it('an admin holds every role everywhere; nobody signed in holds none', () => {
    const admin = user([{ role: 'admin', communeId: null }]);
    expect(hasRole(admin, 'analyst')).toBe(true);
    expect(hasRole(admin, 'coordinator', 9)).toBe(true);
    expect(hasRole(null, 'analyst')).toBe(false);
  });
});

describe('communesWithRole', () => {
  it('lists scoped communes, or all for a county-wide grant', () => {
    expect(communesWithRole(user([{ role: 'coordinator', communeId: 2 }, { role: 'coordinator', communeId: 5 }]), 'coordinator')).toEqual([2, 5]);
    expect(communesWithRole(user([{ role: 'coordinator', communeId: null }]), 'coordinator')).toBe('all');
    expect(communesWithRole(user([]), 'coordinator')).toEqual([]);
    expect(communesWithRole(null, 'coordinator')).toEqual([]);
  });
});

describe('canAdminister and requireUser', () => {
  it('only admins administer; requireUser refuses nobody with unauthorized', () => {
    expect(canAdminister(user([{ role: 'admin', communeId: null }]))).toBe(true);
    expect(canAdminister(user([{ role: 'coordinator', communeId: null }]))).toBe(false);
    expect(() => requireUser(null)).toThrow('unauthorized');
  });
});

describe('safeCallbackUrl', () => {
  it('keeps same-site paths and drops anything that could leave the site', () => {
    expect(safeCallbackUrl('/admin/users?q=a')).toBe('/admin/users?q=a');
    expect(safeCallbackUrl('https://evil.example')).toBe('/');
    expect(safeCallbackUrl('//evil.example')).toBe('/');
    expect(safeCallbackUrl('/\\evil.example')).toBe('/');
    expect(safeCallbackUrl(undefined)).toBe('/');
  });
});
