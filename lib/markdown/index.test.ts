import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from './index';

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

describe('markdownToText', () => {
  it('gives the plain words', () => {
    expect(markdownToText('**Zebranie** w _Dębowcu_ <b>dziś</b>')).toBe('Zebranie w Dębowcu <b>dziś</b>');
  });
});
