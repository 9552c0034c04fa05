import { describe, expect, it } from 'vitest';
import { htmlToText, renderMarkdown, storedHtml } from './index';
import { markdownNesting, markdownProblem } from './limits';

describe('renderMarkdown', () => {
  it('renders the safe subset: emphasis, lists, links, quotes, code, strikethrough', () => {
    const html = renderMarkdown('**ważne** i *mniej*\n\n- jeden\n- dwa\n\n> cytat\n\n`kod` [BIP](https://bip.powiat.jaslo.pl) ~~stare~~');
    expect(html).toContain('<strong>ważne</strong>');
    expect(html).toContain('<em>mniej</em>');
    expect(html).toContain('<li>jeden</li>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<code>kod</code>');
    expect(html).toContain('<a rel="nofollow ugc noopener noreferrer" href="https://bip.powiat.jaslo.pl">BIP</a>');
    expect(html).toContain('<del>stare</del>');
  });

  it('lets no HTML, script, event handler or javascript: link through', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n[klik](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html;base64,PHNjcmlwdD4=)\n\n<a href="javascript:alert(1)">x</a>',
    );
    expect(html).not.toMatch(/<script|<img|<[^>]*\son\w+=/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/href="[^"]*(javascript|data):/i);
  });

  it('does not render images or headings', () => {
    expect(renderMarkdown('![tracker](https://example.com/p.png)')).not.toContain('<img');
    expect(renderMarkdown('# Tytuł')).not.toContain('<h1');
  });
});

describe('htmlToText', () => {
  it('gives the plain words of stored HTML', () => {
    expect(htmlToText(renderMarkdown('**Zebranie** w _Dębowcu_ <b>dziś</b>'))).toBe('Zebranie w Dębowcu <b>dziś</b>');
  });
});

describe('the bounds checked before parsing', () => {
  it('measures nesting in one pass: quotes, list markers and indentation', () => {
    expect(markdownNesting('zwykły tekst\n\n> cytat')).toBe(1);
    expect(markdownNesting('> > > trzy')).toBe(3);
    expect(markdownNesting('- a\n  - b\n    - c')).toBe(3);
    expect(markdownNesting('1. raz\n2. dwa')).toBe(1);
    expect(markdownNesting('>'.repeat(20_000))).toBe(20_000);
    expect(markdownProblem('>'.repeat(20_000))).toBe('markdown_too_deep');
    expect(markdownProblem('[a'.repeat(6_000))).toBe('markdown_too_complex');
    expect(markdownProblem('x'.repeat(50_001))).toBe('text_too_long');
    expect(markdownProblem('Zwykły **wpis** z [linkiem](https://example.pl).')).toBeNull();
  });

  it('never parses a source over the limits: it is shown as escaped text, quickly', () => {
    const started = performance.now();
    const html = renderMarkdown(`${'>'.repeat(20_000)} <script>alert(1)</script>`);
    expect(performance.now() - started).toBeLessThan(200);
    expect(html).not.toContain('<blockquote>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('a row not cooked yet is shown escaped, not parsed', () => {
    expect(storedHtml(null, '**a** <i>b</i>')).toBe('<p>**a** &lt;i&gt;b&lt;/i&gt;</p>');
    expect(storedHtml('<p>gotowe</p>', '**a**')).toBe('<p>gotowe</p>');
  });
});
