import 'server-only';

export interface DocumentsRange {
  /** The first instant of the first month shown. */
  from: Date;
  /** The first instant after the last month shown. */
  to: Date;
  /** Nothing published after this instant counts yet (a scheduled publication). */
  now: Date;
  /** 'all': every commune and the county-wide documents (communeId null); else these communes only. */
  communeIds: 'all' | number[];
}

export interface DocumentsPublished {
  /** The Warsaw month of publication, "YYYY-MM". */
  month: string;
  /** null: a county-wide document. */
  communeId: number | null;
  n: number;
}

/**
 * Documents published per month and commune, for the indicators (lib/indicators/queries.ts) — the
 * seam for the documents library, which is being built alongside. Until it lands this answers
 * null, and the indicators page and CSV leave the column out rather than show zeros that would
 * read as "nothing was published". The library fills it in: a count of documents that became
 * visible (first published version) in [from, to) and not after `now`, by Warsaw month and the
 * document's commune, limited to `communeIds`.
 */
export async function documentsPublishedByMonth(range: DocumentsRange): Promise<DocumentsPublished[] | null> {
  void range;
  return null;
}
