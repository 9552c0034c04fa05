import { describe, expect, it } from 'vitest';
import { messages } from './messages';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

// Arguments a language's grammar needs and another's does not: Polish past-tense verbs agree
// with the person's gender ({gender, select, female {dodała} …}), English ones do not.
const GRAMMATICAL = new Set(['gender']);

/**
 * The ICU arguments of a message ({name}, {count, plural, …}, {status, select, …}), also those
 * inside plural/select branches, but not the branches' texts ({dodała} is a branch, not an argument).
 */
function placeholders(text: string): string[] {
  const found = new Set<string>();
  let i = 0;
  const readText = (close: string | null) => {
    while (i < text.length && text[i] !== close) {
      if (text[i] === '{') {
        i += 1;
        readArgument();
      } else i += 1;
    }
    i += 1;
  };
  const readArgument = () => {
    const head = /^\s*(\w+)\s*(?:,\s*(\w+)\s*)?([,}])/.exec(text.slice(i));
    if (!head) throw new Error(`malformed argument in: ${text}`);
    found.add(head[1]!);
    i += head[0].length;
    if (head[3] === '}') return;
    if (['plural', 'select', 'selectordinal'].includes(head[2]!)) {
      // Branches: key {text} key {text} … }
      for (;;) {
        const branch = /^\s*(}|[^\s{]+\s*\{)/.exec(text.slice(i));
        if (!branch) throw new Error(`malformed branch in: ${text}`);
        i += branch[0].length;
        if (branch[1] === '}') return;
        readText('}');
      }
    }
    // A style ({at, date, long}): up to its closing brace.
    i = text.indexOf('}', i) + 1;
  };
  readText(null);
  return [...found].filter((name) => !GRAMMATICAL.has(name)).sort();
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

  it('the field errors are plain sentences, as the forms that fetch them use them (components/ui/error-catalogue.ts)', () => {
    for (const locale of ['pl', 'en'] as const) {
      for (const [key, text] of Object.entries(messages[locale].errors)) {
        expect(placeholders(text), `${locale} errors.${key}`).toEqual([]);
        expect(text, `${locale} errors.${key}`).not.toMatch(/[{}<>]/);
      }
    }
  });
});
