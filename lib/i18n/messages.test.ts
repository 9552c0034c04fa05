import { describe, expect, it } from 'vitest';
import { messages } from './messages';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]!).sort();
}

describe('message catalogue', () => {
  it('English has exactly the keys of Polish, the reference', () => {
    expect(keys(messages.en).sort()).toEqual(keys(messages.pl).sort());
  });

  it('each English text uses the same placeholders as the Polish one, and none is empty', () => {
    const get = (tree: unknown, path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], tree);
    for (const key of keys(messages.pl)) {
      const pl = get(messages.pl, key) as string;
      const en = get(messages.en, key) as string;
      expect(pl.trim(), key).not.toBe('');
      expect(en.trim(), key).not.toBe('');
      expect(placeholders(en), key).toEqual(placeholders(pl));
    }
  });
});
