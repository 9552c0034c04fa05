import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvLines } from '@/lib/csv';
import { definitionSchema } from './definition';
import { codebookRows, exportColumns, responseCsvRow } from './export';
import { smallSurveyForm } from './test-helpers';

const definition = definitionSchema.parse(smallSurveyForm('x').definition);

describe('the CSV export', () => {
  it('has one column per question, matrix row, option and ranked item', () => {
    const names = exportColumns(definition).map((c) => c.name);
    expect(names.slice(0, 3)).toEqual(['response_id', 'submitted_at', 'channel']);
    expect(names).toEqual(expect.arrayContaining(['bus', 'bus_rating', 'services__a', 'services__b', 'rank__x', 'rank__y', 'rank__z', 'many__p', 'many__q', 'many__r', 'count', 'note']));
  });

  it('writes one row per response with its answers in place', () => {
    const row = responseCsvRow(exportColumns(definition), {
      id: 'r1',
      submittedAt: new Date('2026-05-01T10:00:00Z'),
      channel: 'paper',
      communeId: 3,
      commune: 'Krempna',
      localityId: null,
      locality: null,
      ageGroup: '60_74',
      respondentType: null,
      answers: [
        { questionId: 'bus', itemKey: 'yes', value: null, dontKnow: false, text: null },
        { questionId: 'bus_rating', itemKey: '', value: null, dontKnow: true, text: null },
        { questionId: 'services', itemKey: 'b', value: 4, dontKnow: false, text: null },
        { questionId: 'rank', itemKey: 'z', value: 1, dontKnow: false, text: null },
        { questionId: 'many', itemKey: 'q', value: null, dontKnow: false, text: null },
        { questionId: 'note', itemKey: '', value: null, dontKnow: false, text: 'dobrze, ale' },
      ],
    });
    const [back] = parse(csvLines([row], 'excel'), { delimiter: ';' }) as string[][];
    const cells = Object.fromEntries(exportColumns(definition).map((c, i) => [c.name, back![i]]));
    expect(cells).toMatchObject({ response_id: 'r1', channel: 'paper', commune: 'Krempna', commune_id: '3', bus: 'yes', bus_rating: 'dk', services__a: '', services__b: '4', rank__z: '1', rank__x: '', many__p: '0', many__q: '1', count: '', note: 'dobrze, ale' });
  });

  it('has a codebook row per column', () => {
    const rows = codebookRows(definition);
    expect(rows).toHaveLength(exportColumns(definition).length + 1);
    expect(rows.find((r) => r[0] === 'services__b')).toContain('matrix');
  });
});
