import { getCurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { codebookCsv, csvLine, exportColumns, responseCsvLine } from '@/lib/surveys/export';
import { openResponseExport } from '@/lib/surveys/queries';

const BOM = '\uFEFF';

/**
 * Responses as CSV (UTF-8 with BOM, for Excel), the codebook CSV, or JSON. Streamed batch by batch
 * (keyset pagination in lib/surveys), so a million responses neither time out nor sit in memory.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const format = new URL(request.url).searchParams.get('format') ?? 'csv';
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError('unauthorized');
    if (!['csv', 'json', 'codebook'].includes(format)) throw new AppError('bad_request');
    const { survey, batches } = await openResponseExport({ actor: user, surveyId: id });
    const base = `${survey.slug}-${new Date().toISOString().slice(0, 10)}`;
    const headers = (type: string, name: string) => ({
      'content-type': type,
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    if (format === 'codebook') {
      return new Response(BOM + codebookCsv(survey.definition), { headers: headers('text/csv; charset=utf-8', `${base}-codebook.csv`) });
    }
    const encoder = new TextEncoder();
    const iterator = batches();
    const columns = exportColumns(survey.definition);
    let started = false;
    let first = true;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(
            encoder.encode(
              format === 'csv'
                ? BOM + csvLine(columns.map((c) => c.name))
                : `{"survey":${JSON.stringify({ id: survey.id, slug: survey.slug, version: survey.version, title: survey.titlePl, definition: survey.definition })},"responses":[`,
            ),
          );
          return;
        }
        const next = await iterator.next();
        if (next.done) {
          if (format === 'json') controller.enqueue(encoder.encode(']}\n'));
          controller.close();
          return;
        }
        let chunk = '';
        for (const r of next.value) {
          if (format === 'csv') chunk += responseCsvLine(columns, r);
          else {
            chunk += (first ? '\n' : ',\n') + JSON.stringify(r);
            first = false;
          }
        }
        controller.enqueue(encoder.encode(chunk));
      },
      async cancel() {
        await iterator.return(undefined);
      },
    });
    return new Response(stream, { headers: headers(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8', `${base}.${format}`) });
  } catch (error) {
    if (error instanceof AppError) return Response.json({ message: error.messageKey }, { status: error.status });
    throw error;
  }
}
