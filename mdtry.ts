import { renderMarkdown } from './lib/markdown/renderMarkdown';
const md = `Para one with <script>alert(1)</script> and <img src=x onerror=alert(1)> text.

<iframe src="https://evil"></iframe>

[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) [z](&#106;avascript:alert(1)) [d](data:text/html,hi) [ok](https://example.com) [rel](/about/standards) [m](mailto:a@b.c) [v](vbscript:x) <javascript:alert(1)>

[ref]: javascript:alert(2)
Reference [link][ref].

# Bad h1

## Sub

![A harbour](/images/a.jpg "Ships wait. Photo: Agency")

![ext](https://evil.com/x.png)

| a | b |
|---|---|
| 1 | ~~2~~ |

Footnote here[^1]. www.example.com

[^1]: The note.

<form action="x"><input></form>
`;
const r = renderMarkdown(md, { imageSize: (s) => s === '/images/a.jpg' ? { width: 1200, height: 800 } : undefined });
for (const b of r.blocks) console.log(b.kind, b.words, b.html);
console.log(r.wordCount, r.problems);
