import 'server-only';
import { Lemmatizer } from './lemmatizer';

let loading: Promise<Lemmatizer> | undefined;

/**
 * The Polish lemmatizer, built once per process on first use from the sjp.pl Hunspell dictionary
 * (npm package dictionary-pl, pinned: a new version may lemmatize differently, so upgrading it
 * means re-indexing, see db/search-index.ts). Building takes about a second and keeps ~35 MB.
 */
export function polishLemmatizer(): Promise<Lemmatizer> {
  loading ??= import('dictionary-pl').then(({ default: dictionary }) => {
    const decoder = new TextDecoder();
    return new Lemmatizer(decoder.decode(dictionary.aff), decoder.decode(dictionary.dic));
  });
  return loading;
}
