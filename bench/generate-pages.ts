/**
 * Saved article pages for the bench: each article of the generated corpus (generate-corpus.ts) written as a news
 * site's page of about 100 KB — head with JSON-LD and Open Graph, scripts and styles, navigation, ads, the article
 * with its citations as links, comments, a footer — the shape and weight of a real page, made here.
 */
import { generateArticle } from './generate-corpus.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function generatePage(seed: number, i: number, targetBytes = 100_000): { name: string; html: string } {
  const { name, text } = generateArticle(seed, i);
  const lines = text.split('\n');
  const m = /date (\S+) (\S+)/.exec(lines[0] ?? '');
  const [day, url] = [m?.[1] ?? '2020-01-01', m?.[2] ?? 'https://example.com/'];
  const blocks = text.split(/\n\s*\n/).slice(1).map((b) => b.trim()).filter(Boolean);
  // The title is the first line with text after the date line (the corpus puts a blank line between them).
  const title = lines.slice(1).find((l) => l.trim() !== '')?.trim() ?? 'Title';
  const cites = blocks.filter((b) => /^https?:\/\/\S+$/.test(b));
  const paragraphs = blocks.filter((b) => b !== title && !/^https?:\/\/\S+$/.test(b));
  // Each cited address becomes a link on the last words of a paragraph.
  const body = paragraphs
    .map((p, k) => {
      const cite = cites[k];
      const e = escape(p);
      if (!cite) return `<p>${e}</p>`;
      const words = e.split(' ');
      const tail = words.splice(-3).join(' ');
      return `<p>${words.join(' ')} <a href="${escape(cite)}">${tail}</a></p>`;
    })
    .join('\n');
  const nav = `<nav class="site-nav"><ul>${Array.from({ length: 60 }, (_, k) => `<li><a href="/section/${k}">Section ${k}</a></li>`).join('')}</ul></nav>`;
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} | Example News</title>
<link rel="canonical" href="${escape(url)}"><meta property="og:type" content="article"><meta property="og:site_name" content="Example News">
<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: title, datePublished: `${day}T09:30:00+01:00` })}</script>
<script>window.__state=${JSON.stringify({ ids: Array.from({ length: 400 }, (_, k) => `item-${k}-${i}`) })};</script><style>.a{color:red}.b{margin:0}</style></head>`;
  const pageWith = (filler: string) =>
    `${head}<body>${nav}<div class="ad" id="top-ad">Advertisement</div><main><article><h1>${escape(title)}</h1><div class="byline">By Staff</div><div class="article-body">${body}</div></article></main><aside class="related">${filler}</aside><footer>${nav}</footer></body></html>\n`;
  let filler = '';
  for (let round = 0; pageWith(filler).length < targetBytes && round <= 400; round++) {
    filler += `<div class="comment"><p>Reader comment ${round}: a long enough remark about the story, with a comma, to look like prose.</p></div><div class="promo"><a href="/promo/${round}">Read more stories like this one</a></div>`;
  }
  const html = pageWith(filler);
  return { name: name.replace(/\.txt$/, '.html'), html };
}
