import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '@/lib/markdown/renderMarkdown';

const SIZES: Record<string, { width: number; height: number; bytes: number }> = {
  '/images/harbour.jpg': { width: 1200, height: 800, bytes: 54321 },
  '/images/chart.png': { width: 700, height: 400, bytes: 12345 },
};

function render(markdown: string) {
  return renderMarkdown(markdown, { imageSize: (src) => SIZES[src] });
}

function html(markdown: string) {
  return render(markdown)
    .blocks.map((block) => block.html)
    .join('\n');
}

describe('renderMarkdown sanitization', () => {
  it.each([
    ['a script element', '<script>window.__x = 1</script>', /<script/i],
    ['an inline script', 'Text <script>alert(1)</script> more', /<script/i],
    ['an image with onerror', '<img src=x onerror="alert(1)">', /onerror|<img/i],
    ['an iframe', '<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ['an svg with a script', '<svg><script>alert(1)</script></svg>', /<svg|<script/i],
    ['a style element', '<style>body{display:none}</style>', /<style|display:none/i],
    ['a form', '<form action="https://evil.example"><input name="p"></form>', /<form|<input/i],
    ['an HTML comment', '<!-- secret -->', /<!--|secret/],
    ['an event handler in a block', '<div onclick="alert(1)">x</div>', /onclick|<div/i],
  ])('drops %s', (_case, markdown, forbidden) => {
    expect(html(markdown)).not.toMatch(forbidden);
  });

  it.each([
    ['javascript:', '[x](javascript:alert(1))'],
    ['mixed-case javascript:', '[x](JaVaScRiPt:alert(1))'],
    ['an entity-encoded javascript:', '[x](&#106;avascript:alert(1))'],
    ['a hex-entity javascript:', '[x](&#x6A;avascript:alert(1))'],
    ['javascript: with a leading space', '[x]( javascript:alert(1))'],
    ['vbscript:', '[x](vbscript:msgbox(1))'],
    ['data:', '[x](data:text/html;base64,PHNjcmlwdD4=)'],
    ['a reference-style javascript:', '[x][evil]\n\n[evil]: javascript:alert(1)'],
    ['an autolink javascript:', '<javascript:alert(1)>'],
    ['an autolink data:', '<data:text/html,hi>'],
    ['an entity tab inside javascript:', '[x](java&#9;script:alert(1))'],
    ['an entity newline inside javascript:', '[x](java&#10;script:alert(1))'],
    ['a reference-style data: with a title', '[x][d]\n\n[d]: data:text/html;base64,PHNjcmlwdD4= "title"'],
    ['an entity-encoded colon', '[x](javascript&colon;alert(1))'],
  ])('keeps no href for %s', (_case, markdown) => {
    expect(html(markdown)).not.toMatch(/href/i);
  });

  it('leaves a percent-encoded colon as a harmless relative link, never a javascript: URL', () => {
    const hrefs = [...html('[x](javascript%3Aalert(1))').matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
    for (const href of hrefs) expect(new URL(href ?? '', 'https://site.example/article/a').protocol).toBe('https:');
  });

  it.each([
    ['https', '[x](https://example.com/a)', 'href="https://example.com/a"'],
    ['http', '[x](http://example.com/)', 'href="http://example.com/"'],
    ['mailto', '[x](mailto:desk@example.com)', 'href="mailto:desk@example.com"'],
    ['tel', '[the hotline](tel:+4420795012345)', 'href="tel:+4420795012345"'],
    ['site-relative', '[x](/about/standards)', 'href="/about/standards"'],
    ['a GFM autolink', 'see www.example.com now', 'href="http://www.example.com"'],
  ])('keeps %s links', (_case, markdown, expected) => {
    expect(html(markdown)).toContain(expected);
  });
});

describe('renderMarkdown structure', () => {
  it('turns a standalone image with a title into a figure with that caption verbatim', () => {
    const output = html('![Ships at anchor](/images/harbour.jpg "Ships wait outside the port. Photo: Agency")');
    expect(output).toBe(
      '<figure class="article-photo"><img src="/_next/image?url=%2Fimages%2Fharbour.jpg&#x26;w=1200&#x26;q=75" alt="Ships at anchor" srcset="/_next/image?url=%2Fimages%2Fharbour.jpg&#x26;w=640&#x26;q=75 640w, /_next/image?url=%2Fimages%2Fharbour.jpg&#x26;w=828&#x26;q=75 828w, /_next/image?url=%2Fimages%2Fharbour.jpg&#x26;w=1200&#x26;q=75 1200w" sizes="(min-width: 40rem) 40rem, 100vw" width="1200" height="800" loading="lazy" decoding="async"><figcaption>Ships wait outside the port. Photo: Agency</figcaption></figure>',
    );
  });

  it('offers a photo through the image optimizer at widths up to its own, never wider', () => {
    const small = html('![A chart](/images/chart.png)');
    expect(small).toContain('srcset="/_next/image?url=%2Fimages%2Fchart.png&#x26;w=640&#x26;q=75 640w, /_next/image?url=%2Fimages%2Fchart.png&#x26;w=828&#x26;q=75 828w"');
  });

  it('keeps an image inside running text inline', () => {
    expect(render('Before ![icon](/images/harbour.jpg) after').blocks[0]?.kind).toBe('paragraph');
  });

  it('renders tables, strikethrough and headings', () => {
    const { blocks } = render('## Section\n\n| a | b |\n|---|---|\n| 1 | ~~2~~ |\n\n### Sub\n');
    expect(blocks.map((block) => block.kind)).toEqual(['heading', 'table', 'heading']);
    expect(blocks[1]?.html).toContain('<del>2</del>');
    expect(blocks[1]?.html).toMatch(/^<div class="table-scroll" tabindex="0" role="region" aria-label="Table"><table>/);
  });

  it('renders footnotes whose links and back-links point at each other', () => {
    const output = html('A claim.[^1]\n\n[^1]: The source.');
    const refHref = /<a href="#([^"]+)" id="([^"]+)" data-footnote-ref/.exec(output);
    expect(refHref).not.toBeNull();
    expect(output).toContain(`<li id="${refHref?.[1]}">`);
    expect(output).toContain(`href="#${refHref?.[2]}"`);
    expect(output).toContain('<h2 class="sr-only" id="footnote-label">Notes</h2>');
  });

  it('reports a level-1 heading with its body line', () => {
    expect(render('Intro\n\n# Second headline').problems).toEqual([
      {
        line: 3,
        field: 'body',
        message: 'a level-1 heading ("# ...") in the body; the headline is the only h1, start at "##"',
      },
    ]);
  });

  it('shows a level-1 heading as a level-2 one, so the page keeps one h1', () => {
    expect(html('Intro\n\n# Second headline')).toBe('<p>Intro</p>\n<h2 id="second-headline">Second headline</h2>');
  });

  it('keeps <br> as a line break, so the words on either side do not run together, and drops other HTML', () => {
    expect(html('Term<br>break and <BR/> two <span>x</span>\n\n<br>\n\nEnd.')).toBe('<p>Term<br>\nbreak and <br>\ntwo x</p>\n<p>End.</p>');
  });

  it('gives each heading an id from its words, so a link can point to it', () => {
    const result = render(
      '[See below](#what-the-ministry-said).\n\n## What the ministry said\n\n### Économie & 中国: “quotes”\n\n## What the ministry said\n\n## ???',
    );
    expect(result.blocks.map((block) => block.html)).toEqual([
      '<p><a href="#what-the-ministry-said">See below</a>.</p>',
      '<h2 id="what-the-ministry-said">What the ministry said</h2>',
      '<h3 id="économie-中国-quotes">Économie &#x26; 中国: “quotes”</h3>',
      '<h2 id="what-the-ministry-said-1">What the ministry said</h2>',
      '<h2>???</h2>',
    ]);
    expect(result.outline.anchors).toEqual(['what-the-ministry-said', 'économie-中国-quotes', 'what-the-ministry-said-1']);
  });

  it('never gives a heading a footnote id, and counts the footnotes among the places to link to', () => {
    const result = render('A claim.[^1]\n\n## User content fn 1\n\n[^1]: The source.');
    expect(result.blocks[1]?.html).toBe('<h2 id="heading-user-content-fn-1">User content fn 1</h2>');
    expect(result.outline.anchors).toEqual(['heading-user-content-fn-1', 'user-content-fn-1', 'user-content-fnref-1']);
  });

  it('writes a link to a heading in composed Unicode, as the heading ids are', () => {
    const result = render('[Jump](#cafe\u0301-society)\n\n## Cafe\u0301 society');
    expect(result.outline.anchors).toEqual(['caf\u00e9-society']);
    expect(result.outline.links[0]?.url).toBe('#caf\u00e9-society');
    expect(result.blocks[0]?.html).toBe('<p><a href="#caf%C3%A9-society">Jump</a></p>');
  });

  it('never gives a heading an id the page around it uses, or a global a script reads', () => {
    expect(html('## Main\n\n## Googletag\n\n## __next_f\n\n## Footnote label')).toBe(
      '<h2 id="main-1">Main</h2>\n<h2 id="googletag-1">Googletag</h2>\n<h2 id="nextf">__next_f</h2>\n<h2 id="footnote-label-1">Footnote label</h2>',
    );
  });

  it('leaves out a photo it cannot show, and the paragraph it stood alone in, and reports it', () => {
    const result = render('Before.\n\n![Gone](/images/missing.jpg "A caption")\n\nText ![inline](https://example.com/x.png) after.\n\nAfter.');
    expect(result.blocks.map((block) => block.html)).toEqual(['<p>Before.</p>', '<p>Text  after.</p>', '<p>After.</p>']);
    expect(result.problems.map((problem) => problem.message)).toEqual([
      'image "/images/missing.jpg" not found in public/images/',
      'image "https://example.com/x.png" is not a site image path (/images/<file>.jpg|png|webp|avif|gif)',
    ]);
  });

  it('counts words across blocks', () => {
    const result = render("One two three.\n\n- four five\n- six\n\nIt's seven-eight.");
    expect(result.wordCount).toBe(8);
  });
});

describe('renderMarkdown on pathological input', () => {
  it.each([
    ['5,000 nested quotes', '>'.repeat(5000) + ' deep', 1],
    ['5,000 spaced nested quotes', '> '.repeat(5000) + 'deep', 1],
    ['5,000 nested list markers', '- '.repeat(5000) + 'deep', 1],
    ['5,000 nested indented lists', Array.from({ length: 5000 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n'), 67],
  ])('rejects %s quickly, naming the line', (_case, markdown, line) => {
    const started = performance.now();
    const result = render(markdown);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.blocks).toEqual([]);
    expect(result.problems).toEqual([
      { line, field: 'body', message: expect.stringMatching(/^quotes or lists nested \d+ levels deep; the limit is 32$/) },
    ]);
  });

  it('renders 20,000 unmatched brackets as text within a bounded time', () => {
    const started = performance.now();
    const result = render(`${'['.repeat(20000)}x${']'.repeat(20000)}`);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(result.problems).toEqual([]);
    expect(result.blocks).toHaveLength(1);
  }, 30_000);

  it('keeps ordinary nesting and indented verse', () => {
    const result = render('- a\n  - b\n    - c\n\n> q\n> > q2\n\n' + ' '.repeat(100) + 'verse\n');
    expect(result.problems).toEqual([]);
    expect(result.blocks.map((block) => block.kind)).toEqual(['list', 'quote', 'code']);
  });
});
