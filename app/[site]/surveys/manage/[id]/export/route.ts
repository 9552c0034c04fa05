import { withRouteErrors } from '@/app/_http/route-error';
import { getCurrentUser } from '@/lib/auth';
import { csvDialectSchema, csvLines, csvResponse } from '@/lib/csv';
import { AppError } from '@/lib/errors';
import { codebookRows, exportColumns, responseCsvRow } from '@/lib/surveys/export';
import { openResponseExport } from '@/lib/surveys/queries';

/**
 * Responses as CSV, the codebook CSV, or JSON (`?format=csv|codebook|json`); a CSV in the dialect
 * `?dialect=excel` (default: ';' and decimal commas for a Polish Excel) or `plain` (',' and '.').
 * Streamed batch by batch (keyset pagination in lib/surveys), so a million responses neither time
 * out nor sit in memory.
 */
export const GET = withRouteErrors(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const query = new URL(request.url).searchParams;
  const format = query.get('format') ?? 'csv';
  const dialect = csvDialectSchema.parse(query.get('dialect') ?? undefined);
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthorized');
  if (!['csv', 'json', 'codebook'].includes(format)) throw new AppError('bad_request');
  const { survey, batches } = await openResponseExport({ actor: user, surveyId: id });
  const base = `${survey.slug}-${new Date().toISOString().slice(0, 10)}`;
  const suffix = dialect === 'plain' ? '-plain' : '';
  if (format === 'codebook') {
    return csvResponse(csvLines(codebookRows(survey.definition), dialect), { filename: `${base}-codebook${suffix}.csv`, cacheControl: 'no-store' });
  }
  const columns = exportColumns(survey.definition);
  if (format === 'csv') {
    async function* lines() {
      yield csvLines([columns.map((c) => c.name)], dialect);
      for await (const batch of batches()) yield csvLines(batch.map((r) => responseCsvRow(columns, r)), dialect);
    }
    return csvResponse(lines(), { filename: `${base}${suffix}.csv`, cacheControl: 'no-store' });
  }
  const encoder = new TextEncoder();
  const iterator = batches();
  let started = false;
  let first = true;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`{"survey":${JSON.stringify({ id: survey.id, slug: survey.slug, version: survey.version, title: survey.titlePl, definition: survey.definition })},"responses":[`));
        return;
      }
      const next = await iterator.next();
      if (next.done) {
        controller.enqueue(encoder.encode(']}\n'));
        controller.close();
        return;
      }
      let chunk = '';
      for (const r of next.value) {
        chunk += (first ? '\n' : ',\n') + JSON.stringify(r);
        first = false;
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${base}.json"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});
