/**
 * Stands in for the `xss` package (js-xss) inside vis-timeline (vite.config.ts aliases it). vis-timeline passes every
 * string it puts into `innerHTML` through `new FilterXSS(options).process(string)`, an HTML whitelist filter. Dateline
 * hands vis-timeline no HTML at all: item and lane contents are DOM nodes built with textContent, items have no
 * tooltips of vis-timeline's, and the strings left are its own axis labels (moment formats: "Nov", "2021"). Here
 * `process` escapes the string, so whatever reaches `innerHTML` through it is shown as text: stricter than a
 * whitelist, and without js-xss and cssfilter in the first chunk (5.9 KiB gzip) or their set-up as it loads.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

export class FilterXSS {
  process(html: unknown): string {
    return escapeHtml(html == null ? '' : String(html));
  }
}

export default { FilterXSS };
