import type { CsvValue } from '@/lib/csv';
import { allQuestions, DONT_KNOW, localize, type Question, type SurveyDefinition } from './definition';

// Turning responses into CSV rows: one row per response, one column per question, or per matrix
// row, multiple-choice option or ranked item. Pure, so it is tested without a database; lib/csv
// writes the rows.

export interface ExportColumn {
  name: string;
  question: Question | null;
  itemKey: string;
}

const FIXED = ['response_id', 'submitted_at', 'channel', 'commune_id', 'commune', 'locality_id', 'locality', 'age_group', 'respondent_type'] as const;

export function exportColumns(definition: SurveyDefinition): ExportColumn[] {
  const columns: ExportColumn[] = FIXED.map((name) => ({ name, question: null, itemKey: '' }));
  for (const q of allQuestions(definition)) {
    const items = q.type === 'multiple_choice' ? q.options : q.type === 'matrix' ? q.rows : q.type === 'ranking' ? q.items : null;
    if (items) for (const item of items) columns.push({ name: `${q.id}__${item.value}`, question: q, itemKey: item.value });
    else columns.push({ name: q.id, question: q, itemKey: '' });
  }
  return columns;
}

interface Row {
  id: string;
  submittedAt: Date;
  channel: string;
  communeId: number;
  commune: string;
  localityId: number | null;
  locality: string | null;
  ageGroup: string | null;
  respondentType: string | null;
  answers: { questionId: string; itemKey: string; value: number | null; dontKnow: boolean; text: string | null }[];
}

/** The cells of one response's row, in the order of `columns`. */
export function responseCsvRow(columns: ExportColumn[], r: Row): CsvValue[] {
  const byKey = new Map<string, Row['answers'][number]>();
  const chosen = new Set<string>();
  for (const a of r.answers) {
    byKey.set(`${a.questionId}\u0000${a.itemKey}`, a);
    chosen.add(`${a.questionId}\u0000`);
  }
  return columns.map((c) => {
    if (!c.question) {
      switch (c.name) {
        case 'response_id': return r.id;
        case 'submitted_at': return r.submittedAt.toISOString();
        case 'channel': return r.channel;
        case 'commune_id': return r.communeId;
        case 'commune': return r.commune;
        case 'locality_id': return r.localityId;
        case 'locality': return r.locality;
        case 'age_group': return r.ageGroup;
        case 'respondent_type': return r.respondentType;
        default: return '';
      }
    }
    const q = c.question;
    if (q.type === 'single_choice') return r.answers.find((a) => a.questionId === q.id)?.itemKey ?? '';
    if (q.type === 'multiple_choice') {
      // 1 chosen, 0 answered but not chosen, empty when the question was not answered at all.
      if (!chosen.has(`${q.id}\u0000`)) return '';
      return byKey.has(`${q.id}\u0000${c.itemKey}`) ? 1 : 0;
    }
    const a = byKey.get(`${q.id}\u0000${c.itemKey}`);
    if (!a) return '';
    if (a.dontKnow) return DONT_KNOW;
    return a.text ?? a.value;
  });
}

/** The codebook's rows: what each column of the responses CSV means. */
export function codebookRows(definition: SurveyDefinition): CsvValue[][] {
  const out: CsvValue[][] = [['column', 'question_id', 'section', 'type', 'area', 'measure', 'label_pl', 'label_en', 'item_pl', 'item_en', 'values']];
  const sectionOf = new Map(definition.sections.flatMap((s) => s.questions.map((q) => [q.id, s.id] as const)));
  for (const c of exportColumns(definition)) {
    const q = c.question;
    if (!q) {
      out.push([c.name, '', '', 'profile', '', 'profile', c.name, c.name, '', '', '']);
      continue;
    }
    const items = q.type === 'multiple_choice' ? q.options : q.type === 'matrix' ? q.rows : q.type === 'ranking' ? q.items : [];
    const item = items.find((i) => i.value === c.itemKey);
    let values = '';
    if (q.type === 'single_choice') values = q.options.map((o) => `${o.value}=${localize(o.label, 'pl')}`).join('; ');
    if (q.type === 'multiple_choice') values = '1=zaznaczone/chosen; 0=niezaznaczone/not chosen';
    if (q.type === 'rating' || q.type === 'matrix') values = [...q.scaleLabels.map((l, i) => `${i + 1}=${l.pl}`), ...(q.allowDontKnow ? [`${DONT_KNOW}=nie wiem/don't know`] : [])].join('; ');
    if (q.type === 'ranking') values = `1..${q.maxRanked} = miejsce/place`;
    if (q.type === 'number') values = `${q.min}..${q.max}`;
    out.push([c.name, q.id, sectionOf.get(q.id), q.type, q.area ?? '', q.measure, q.label.pl, q.label.en, item?.label.pl ?? '', item?.label.en ?? '', values]);
  }
  return out;
}
