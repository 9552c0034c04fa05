import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditListParamsSchema, createCommuneSchema, grantRoleSchema, setCommuneActiveSchema, slugify, userListParamsSchema } from './schema';

// The same schemas run in the browser (react-hook-form) and in the server actions.

describe('grantRoleSchema', () => {
  const userId = randomUUID();

  it('reads an empty commune choice as the whole county and a number as a commune', () => {
    expect(grantRoleSchema.parse({ userId, role: 'analyst', communeId: '' })).toEqual({ userId, role: 'analyst', communeId: null });
    expect(grantRoleSchema.parse({ userId, role: 'analyst' })).toEqual({ userId, role: 'analyst', communeId: null });
    expect(grantRoleSchema.parse({ userId, role: 'moderator', communeId: '7' })).toEqual({ userId, role: 'moderator', communeId: 7 });
  });

  it('puts "role_not_scopable" on the commune field for county-wide roles', () => {
    const result = grantRoleSchema.safeParse({ userId, role: 'operator', communeId: '7' });
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([expect.objectContaining({ path: ['communeId'], message: 'role_not_scopable' })]);
  });

  it('refuses an unknown role', () => {
    expect(grantRoleSchema.safeParse({ userId, role: 'superuser', communeId: '' }).success).toBe(false);
  });
});

describe('createCommuneSchema', () => {
  it('accepts lower-case slugs with single hyphens only', () => {
    expect(createCommuneSchema.parse({ name: ' Jasło ', slug: 'jaslo-miasto', kind: 'urban' })).toEqual({ name: 'Jasło', slug: 'jaslo-miasto', kind: 'urban' });
    for (const slug of ['Jaslo', 'jasło', 'a--b', 'a-', 'a b']) {
      expect(createCommuneSchema.safeParse({ name: 'Jasło', slug, kind: 'urban' }).error!.issues[0]!.message).toBe('slug_invalid');
    }
  });
});

describe('slugify', () => {
  it('suggests a slug from a Polish name', () => {
    expect(slugify('Nowy Żmigród')).toBe('nowy-zmigrod');
    expect(slugify('  Osiek Jasielski ')).toBe('osiek-jasielski');
    expect(slugify('Łęki Dolne – Północ')).toBe('leki-dolne-polnoc');
    expect(slugify('Gmina Miejska Jasło')).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});

describe('setCommuneActiveSchema', () => {
  it('reads the hidden "true"/"false" field', () => {
    expect(setCommuneActiveSchema.parse({ id: '3', active: 'false' })).toEqual({ id: 3, active: false });
    expect(setCommuneActiveSchema.safeParse({ id: '3', active: 'yes' }).success).toBe(false);
  });
});

describe('list parameters', () => {
  it('drops malformed values instead of failing the page', () => {
    expect(userListParamsSchema.parse({ q: ['a', 'b'], cursor: 'nope' })).toEqual({ q: undefined, cursor: undefined });
    expect(userListParamsSchema.parse({ q: '  wola  ' })).toEqual({ q: 'wola', cursor: undefined });
    expect(auditListParamsSchema.parse({ action: 'role.grant', cursor: '42', actorId: 'x' })).toEqual({ action: 'role.grant', cursor: '42', actorId: undefined });
    expect(auditListParamsSchema.parse({ action: "x'; --", cursor: '-1' })).toEqual({ action: undefined, cursor: undefined, actorId: undefined });
  });
});
