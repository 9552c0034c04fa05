// Text put into HTML the app writes as a string (e-mails, plain-text posts, the dashboards' tables
// and bars): every character that could open a tag or end an attribute is escaped.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}
