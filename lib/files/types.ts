// The kinds of file Agora keeps, recognised by their content (lib/files/detect.ts), never by the
// name alone. Pure data, safe in the browser: the upload form's `accept` list and labels come
// from here too.

export const FILE_TYPES = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], label: 'Word (DOCX)' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], label: 'Excel (XLSX)' },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'], label: 'PowerPoint (PPTX)' },
  odt: { mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], label: 'OpenDocument (ODT)' },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'], label: 'OpenDocument (ODS)' },
  odp: { mime: 'application/vnd.oasis.opendocument.presentation', extensions: ['odp'], label: 'OpenDocument (ODP)' },
  doc: { mime: 'application/msword', extensions: ['doc'], label: 'Word 97–2003 (DOC)' },
  xls: { mime: 'application/vnd.ms-excel', extensions: ['xls'], label: 'Excel 97–2003 (XLS)' },
  png: { mime: 'image/png', extensions: ['png'], label: 'PNG' },
  jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG' },
  webp: { mime: 'image/webp', extensions: ['webp'], label: 'WebP' },
  csv: { mime: 'text/csv', extensions: ['csv'], label: 'CSV' },
} as const satisfies Record<string, { mime: string; extensions: readonly string[]; label: string }>;

export type FileTypeName = keyof typeof FILE_TYPES;

export const FILE_TYPE_NAMES = Object.keys(FILE_TYPES) as FileTypeName[];

/** Images are shown in the page (inline); everything else is downloaded (attachment). */
export function isImageType(type: FileTypeName): boolean {
  return type === 'png' || type === 'jpeg' || type === 'webp';
}

/** The stored MIME type's entry, or undefined for anything Agora never stores. */
export function fileTypeByMime(mime: string): FileTypeName | undefined {
  return FILE_TYPE_NAMES.find((name) => FILE_TYPES[name].mime === mime);
}

/** The input's `accept` attribute: a hint for the browser's file picker, not a check. */
export const ACCEPT_ATTRIBUTE = FILE_TYPE_NAMES.flatMap((name) => FILE_TYPES[name].extensions.map((e) => `.${e}`)).join(',');

/** A short label for a stored MIME type ("PDF", "Word (DOCX)"), or the MIME type itself. */
export function fileTypeLabel(mime: string): string {
  const name = fileTypeByMime(mime);
  return name ? FILE_TYPES[name].label : mime;
}

/** Megabytes to bytes (the size limit is set in MB: FILES_MAX_MB). */
export const MB = 1024 * 1024;
