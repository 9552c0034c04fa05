'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { useForm, type Path } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField, TextField, useErrorText, type SelectOption } from '@/components/ui/field';
import { documentDetailsSchema, DOCUMENT_KINDS, newVersionSchema, VISIBILITIES } from '@/lib/documents/schema';
import { isPathName } from '@/lib/files/names';
import { ACCEPT_ATTRIBUTE, fileTypeLabel, MB } from '@/lib/files/types';
import { formatFileSize } from './file-size';

type Progress = { phase: 'idle' } | { phase: 'sending'; loaded: number; total: number } | { phase: 'checking' } | { phase: 'done'; summary: string };

interface Stored {
  contentType: string;
  size: number;
  pageCount: number | null;
  location: string;
}

/**
 * Sends a document's file with its fields to a route handler by XMLHttpRequest, whose upload
 * events drive a progress bar (a server action reports no progress). The fields are checked here
 * first with the server's own schema, and the file's size against the limit, so a 200 MB file is
 * refused before a byte is sent; the server checks everything again — the type from the content —
 * and its field errors land at the same fields. The form keeps what was typed after a refusal.
 */
export function UploadForm({
  endpoint,
  mode,
  maxMegabytes,
  communes = [],
  areas = [],
  parent,
  defaultKind = 'service_model',
  next,
}: {
  endpoint: string;
  mode: 'document' | 'version';
  maxMegabytes: number;
  communes?: SelectOption[];
  areas?: SelectOption[];
  /** The meeting, article or consultation the file is attached to (its commune is the document's). */
  parent?: { field: 'meetingId' | 'articleId' | 'consultationId'; id: number };
  defaultKind?: (typeof DOCUMENT_KINDS)[number];
  /** Where to go once stored; default: the document's page. */
  next?: string;
}) {
  const t = useTranslations('documents');
  const format = useFormatter();
  const errorText = useErrorText();
  const router = useRouter();
  const schema = mode === 'document' ? documentDetailsSchema : newVersionSchema;
  const form = useForm<Record<string, string>>({
    resolver: zodResolver(schema as never) as never,
    defaultValues: mode === 'document' ? { title: '', kind: defaultKind, communeId: communes[0]?.value ?? '', serviceAreaId: '', visibility: 'public', description: '' } : { note: '' },
    mode: 'onTouched',
  });
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress>({ phase: 'idle' });
  const busy = progress.phase === 'sending' || progress.phase === 'checking';
  const errors = form.formState.errors;
  const maxBytes = maxMegabytes * MB;

  /** The file's own rules that need no server: chosen, not a path, not empty, within the limit. */
  function checkFile(chosen: File | null): string | null {
    if (!chosen) return errorText('file_required')!;
    if (isPathName(chosen.name)) return errorText('file_name_invalid')!;
    if (chosen.size === 0) return errorText('file_empty')!;
    if (chosen.size > maxBytes) return t('upload.tooLarge', { size: formatFileSize(chosen.size, format), limit: maxMegabytes });
    return null;
  }

  function serverFileError(key: string): string {
    return key === 'file_too_large' ? t('upload.tooLargeServer', { limit: maxMegabytes }) : errorText(key)!;
  }

  function send(fields: Record<string, string>, chosen: File) {
    // Fields first, the file last: the server checks the fields before it reads the file.
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.append(name, value ?? '');
    if (parent) body.append(parent.field, String(parent.id));
    body.append('file', chosen, chosen.name);

    const request = new XMLHttpRequest();
    request.open('POST', endpoint);
    request.responseType = 'json';
    request.upload.onprogress = (event) => setProgress({ phase: 'sending', loaded: event.loaded, total: event.lengthComputable ? event.total : chosen.size });
    request.upload.onload = () => setProgress({ phase: 'checking' });
    request.onerror = () => {
      setProgress({ phase: 'idle' });
      setMessage(t('upload.failed'));
    };
    request.onload = () => {
      const answer = (request.response ?? {}) as Partial<Stored> & { message?: string; fieldErrors?: Record<string, string[]> };
      if (request.status === 201 && answer.location) {
        const stored = answer as Stored;
        const type = fileTypeLabel(stored.contentType);
        const size = formatFileSize(stored.size, format);
        setProgress({
          phase: 'done',
          summary: stored.pageCount !== null ? t('upload.sentPdf', { type, size, pages: t('file.pages', { count: stored.pageCount }) }) : t('upload.sent', { type, size }),
        });
        router.push(next ?? stored.location);
        router.refresh();
        return;
      }
      setProgress({ phase: 'idle' });
      const fieldErrors = answer.fieldErrors ?? {};
      for (const [field, keys] of Object.entries(fieldErrors)) {
        if (field === 'file') setFileError(serverFileError(keys[0] ?? 'invalid'));
        else if (keys[0]) form.setError(field as Path<Record<string, string>>, { type: 'server', message: keys[0] }, { shouldFocus: true });
      }
      if (fieldErrors.file) fileInput.current?.focus();
      setMessage(errorText(typeof answer.message === 'string' ? answer.message : request.status === 401 ? 'unauthorized' : 'unexpected')!);
    };
    setMessage(null);
    setFileError(null);
    setProgress({ phase: 'sending', loaded: 0, total: chosen.size });
    request.send(body);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const chosen = fileInput.current?.files?.[0] ?? null;
    const problem = checkFile(chosen);
    setFileError(problem);
    void form.handleSubmit(
      (fields) => {
        if (problem) {
          fileInput.current?.focus();
          return;
        }
        send(fields as Record<string, string>, chosen!);
      },
      () => undefined,
    )(event);
  }

  const percent = progress.phase === 'sending' && progress.total > 0 ? Math.floor((progress.loaded / progress.total) * 100) : 0;
  const fileId = `${mode}-file`;
  const fileDescribedBy = [`${fileId}-hint`, file ? `${fileId}-chosen` : null, fileError ? `${fileId}-error` : null].filter(Boolean).join(' ');

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-5" aria-busy={busy || undefined}>
      {message ? <Alert tone="error">{message}</Alert> : null}
      {mode === 'document' ? (
        <>
          <TextField id="document-title" label={t('upload.titleLabel')} required maxLength={200} error={errors.title?.message} {...form.register('title')} />
          <SelectField id="document-kind" label={t('upload.kindLabel')} required options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} error={errors.kind?.message} {...form.register('kind')} />
          {parent ? null : <SelectField id="document-commune" label={t('upload.communeLabel')} required options={communes} error={errors.communeId?.message} {...form.register('communeId')} />}
          <SelectField id="document-area" label={t('upload.areaLabel')} options={[{ value: '', label: t('upload.noArea') }, ...areas]} error={errors.serviceAreaId?.message} {...form.register('serviceAreaId')} />
          <fieldset className="space-y-2">
            <legend className="font-semibold">{t('upload.visibilityLabel')}</legend>
            {VISIBILITIES.map((v) => (
              <div key={v} className="flex items-center gap-3">
                <input type="radio" id={`document-visibility-${v}`} value={v} className="h-5 w-5 accent-brand-700" {...form.register('visibility')} />
                <label htmlFor={`document-visibility-${v}`}>{t(`visibilityOption.${v}`)}</label>
              </div>
            ))}
          </fieldset>
          <TextAreaField id="document-description" label={t('upload.descriptionLabel')} hint={t('upload.descriptionHint')} rows={4} error={errors.description?.message} {...form.register('description')} />
        </>
      ) : (
        <TextField id="version-note" label={t('upload.noteLabel')} hint={t('upload.noteHint')} maxLength={500} error={errors.note?.message} {...form.register('note')} />
      )}

      <div className="space-y-1">
        <label htmlFor={fileId} className="block font-semibold">
          {t('upload.fileLabel')}
          <span aria-hidden="true" className="text-danger"> *</span>
        </label>
        <p id={`${fileId}-hint`} className="text-sm text-muted">
          {t('upload.fileHint', { limit: maxMegabytes })}
        </p>
        <input
          ref={fileInput}
          id={fileId}
          name="file"
          type="file"
          required
          accept={ACCEPT_ATTRIBUTE}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileDescribedBy}
          onChange={(event) => {
            const chosen = event.currentTarget.files?.[0] ?? null;
            setFile(chosen);
            setFileError(chosen ? checkFile(chosen) : null);
          }}
          className={`block w-full min-h-11 rounded-md border-2 bg-white px-3 py-2 text-base ${fileError ? 'border-danger' : 'border-gray-500'}`}
        />
        {file ? (
          <p id={`${fileId}-chosen`} className="text-sm">
            {t('upload.chosen', { name: file.name, size: formatFileSize(file.size, format) })}
          </p>
        ) : null}
        {fileError ? (
          <p id={`${fileId}-error`} className="text-sm font-semibold text-danger">
            {fileError}
          </p>
        ) : null}
      </div>

      {progress.phase === 'sending' ? (
        <div className="space-y-1">
          <label htmlFor={`${fileId}-progress`} className="block text-sm font-semibold">
            {t('upload.progressLabel')}
          </label>
          <progress id={`${fileId}-progress`} max={100} value={percent} className="h-3 w-full accent-brand-700">
            {percent}%
          </progress>
          <p className="text-sm" aria-hidden="true">
            {t('upload.progress', { percent, loaded: formatFileSize(progress.loaded, format), total: formatFileSize(progress.total, format) })}
          </p>
        </div>
      ) : null}
      {progress.phase === 'checking' ? <Alert>{t('upload.checking')}</Alert> : null}
      {progress.phase === 'done' ? <Alert tone="success">{progress.summary}</Alert> : null}

      <Button type="submit" pending={busy}>
        {mode === 'document' ? t('upload.submit') : t('upload.submitVersion')}
      </Button>
    </form>
  );
}
