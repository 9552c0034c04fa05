import { BoundedMap } from '@/lib/bounded-map';
import { foldChar, foldText } from './fold';

/**
 * Finds the dictionary forms (lemmas) of a Polish word with a Hunspell dictionary, the way
 * Hunspell's own `stem` does: undo one suffix rule (and the "nie-" prefix), and keep the results
 * that the dictionary lists with that rule's flag. "drodze" undoes SFX m "ga → dze" to "droga",
 * which the dictionary lists with flag m; "szkół" undoes "oła → ół" to "szkoła". A suffix stripper
 * cannot do that: Polish alternates the stem itself (g/dz, o/ó).
 *
 * Everything works on folded text (lib/search/fold.ts): the dictionary, the rules and the words.
 * A search typed without diacritics ("oswietlenie") then finds its lemma as well as one typed with
 * them. Folding merges a few words (łaska/laska), which costs a search a little precision and
 * never a match: a rule's condition holds on a folded word when it holds on some unfolded spelling
 * of it ("[^ą]" still admits "a", since "a" may have been "a").
 */
export class Lemmatizer {
  private readonly words = new Map<string, string>();
  private readonly suffixes = new Map<string, Affix[]>();
  private readonly prefixes: Affix[] = [];
  private readonly cache = new BoundedMap<string, readonly string[]>(100_000);

  constructor(aff: string, dic: string) {
    const lines = dic.split('\n');
    const alphabet = new Set<string>();
    // A few thousand distinct flag sets among 300,000 words: shared strings keep the map small.
    const flagSets = new Map<string, string>();
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!.trim();
      if (!line) continue;
      const slash = line.indexOf('/');
      const raw = (slash < 0 ? line : line.slice(0, slash)).toLowerCase();
      for (const c of raw) alphabet.add(c);
      const word = foldText(raw);
      const known = this.words.get(word);
      const flags = known === undefined ? (slash < 0 ? '' : line.slice(slash + 1)) : mergeFlags(known, slash < 0 ? '' : line.slice(slash + 1));
      if (!flagSets.has(flags)) flagSets.set(flags, flags);
      this.words.set(word, flagSets.get(flags)!);
    }
    const unfoldings = new Map<string, Set<string>>();
    for (const c of alphabet) {
      const f = foldChar(c);
      if (!unfoldings.has(f)) unfoldings.set(f, new Set());
      unfoldings.get(f)!.add(c);
    }
    const cross = new Map<string, boolean>();
    for (const line of aff.split('\n')) {
      const parts = line.trim().split(/\s+/);
      const [kind, flag] = parts;
      if ((kind !== 'SFX' && kind !== 'PFX') || !flag) continue;
      if (parts.length === 4 && /^\d+$/.test(parts[3]!)) {
        cross.set(`${kind}${flag}`, parts[2] === 'Y');
        continue;
      }
      if (parts.length < 5) continue;
      const strip = parts[2] === '0' ? '' : foldText(parts[2]!.toLowerCase());
      const add = parts[3] === '0' ? '' : foldText(parts[3]!.split('/')[0]!.toLowerCase());
      const affix: Affix = { flag, strip, add, cross: cross.get(`${kind}${flag}`) ?? false, condition: compileCondition(parts[4]!, unfoldings) };
      if (kind === 'PFX') this.prefixes.push(affix);
      else {
        if (!this.suffixes.has(add)) this.suffixes.set(add, []);
        this.suffixes.get(add)!.push(affix);
      }
    }
  }

  /** How many words the dictionary lists (folded; for tests and benchmarks). */
  get size(): number {
    return this.words.size;
  }

  /**
   * The lemmas of a folded word: itself when the dictionary lists it, and every dictionary word
   * it is an inflected form of. Empty for a word the dictionary does not know (a name, a typo).
   */
  lemmas(word: string): readonly string[] {
    const cached = this.cache.get(word);
    if (cached) return cached;
    const found = new Set<string>();
    if (this.words.has(word)) found.add(word);
    this.stripSuffix(word, found);
    for (const p of this.prefixes) {
      if (!word.startsWith(p.add)) continue;
      const rest = p.strip + word.slice(p.add.length);
      if (!p.condition(rest, 'start')) continue;
      if (this.words.get(rest)?.includes(p.flag)) found.add(rest);
      if (p.cross) this.stripSuffix(rest, found, p);
    }
    const lemmas = [...found];
    this.cache.set(word, lemmas);
    return lemmas;
  }

  /** Adds the dictionary words `word` is a suffixed form of (also carrying `prefix`'s flag, if given). */
  private stripSuffix(word: string, found: Set<string>, prefix?: Affix) {
    for (let cut = 0; cut <= word.length; cut++) {
      const rules = this.suffixes.get(word.slice(word.length - cut));
      if (!rules) continue;
      const stem = word.slice(0, word.length - cut);
      for (const s of rules) {
        const root = stem + s.strip;
        if (root.length === 0 || found.has(root) || !s.condition(root, 'end')) continue;
        const flags = this.words.get(root);
        if (!flags?.includes(s.flag)) continue;
        if (prefix && !(s.cross && flags.includes(prefix.flag) && prefix.condition(root, 'start'))) continue;
        found.add(root);
      }
    }
  }
}

interface Affix {
  flag: string;
  strip: string;
  add: string;
  cross: boolean;
  condition: (word: string, at: 'start' | 'end') => boolean;
}

function mergeFlags(a: string, b: string): string {
  let out = a;
  for (const f of b) if (!out.includes(f)) out += f;
  return out;
}

/**
 * A Hunspell condition ("[^ęo]ga", ".", "lec") as a test on the start or end of a folded word. A
 * class holds for a folded letter when it holds for one of the letters that fold to it.
 */
function compileCondition(source: string, unfoldings: Map<string, Set<string>>): Affix['condition'] {
  if (source === '.') return () => true;
  const positions: ((c: string) => boolean)[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '.') positions.push(() => true);
    else if (c === '[') {
      const close = source.indexOf(']', i);
      const negated = source[i + 1] === '^';
      const members = new Set(source.slice(i + (negated ? 2 : 1), close).toLowerCase());
      i = close;
      if (negated) {
        // Refused only when every unfolded spelling of the folded letter is in the class.
        const refused = new Set([...members].map(foldChar).filter((f) => [...(unfoldings.get(f) ?? [f])].every((u) => members.has(u))));
        positions.push((x) => !refused.has(x));
      } else {
        const allowed = new Set([...members].map(foldChar));
        positions.push((x) => allowed.has(x));
      }
    } else {
      const f = foldChar(c.toLowerCase());
      positions.push((x) => x === f);
    }
  }
  return (word, at) => {
    if (word.length < positions.length) return false;
    const offset = at === 'start' ? 0 : word.length - positions.length;
    return positions.every((test, i) => test(word[offset + i]!));
  };
}
