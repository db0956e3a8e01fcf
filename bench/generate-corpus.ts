/**
 * A synthetic benchmark corpus: N news articles in the input format of articles/*.txt, deterministic from a seed.
 *
 *   npx tsx bench/generate-corpus.ts --count 10000 [--seed 42] [--out .bench/corpus-10000]
 *
 * Article i depends only on (seed, i), never on N: the corpus of 1,000 is the first 1,000 files of the corpus of
 * 10,000, so corpora share the build cache and one article can be regenerated ("edited") alone.
 *
 * Each article: a date line with its URL, a title, 4-8 paragraphs of 3-6 sentences, several dated expressions of the
 * kinds the tagger resolves (full dates, month + year, bare months, years, "since 2014", "last week", "two weeks
 * ago", quarters, decades, weekdays, seasons), statements in the present perfect, inline and trailing cited URLs
 * with a date in their path. About 3 KB, like the sample article. Stories recur across articles (same actors,
 * places and dates), so the cross-article merge has work to do.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** mulberry32: a small, fast, well-distributed 32-bit PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mix(seed: number, i: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS_SHORT = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const NUMBERS = ['two', 'three', 'four', 'five', 'six'];

const HOSTS = ['www.reuters.com', 'apnews.com', 'www.theguardian.com', 'www.bbc.co.uk', 'www.nytimes.com', 'www.aljazeera.com', 'www.dw.com', 'www.france24.com', 'sputniknews.com', 'www.politico.eu', 'www.ft.com', 'www.washingtonpost.com'];
const ACTORS = [
  'The foreign minister', 'The central bank', 'The prime minister', 'Opposition leaders', 'The defence ministry', 'Union representatives',
  'The European Commission', 'Regional authorities', 'The health agency', 'Investigators', 'The electoral commission', 'Local officials',
  'The energy regulator', 'Aid agencies', 'The supreme court', 'Negotiators from both sides', 'The finance committee', 'Police',
];
const PEOPLE = ['Maria Keller', 'Tomasz Nowak', 'Amina Diallo', 'Jonas Berg', 'Luis Ortega', 'Hana Sato', 'Peter van Dijk', 'Olga Petrenko', 'David Mensah', 'Sofia Rossi'];
const FIRST_NAMES = ['Anna', 'Marek', 'Leila', 'Tom', 'Ines', 'Kofi', 'Yuki', 'Pablo', 'Nadia', 'Erik', 'Chen', 'Fatima', 'Igor', 'Grace', 'Omar', 'Lena'];
const PLACES = ['Kyiv', 'Brussels', 'Nairobi', 'Lima', 'Jakarta', 'Warsaw', 'Geneva', 'Dhaka', 'Ankara', 'Manila', 'Lagos', 'Quito', 'Tbilisi', 'Hanoi'];
const TOPICS = [
  ['ceasefire', 'talks', 'border'], ['inflation', 'interest rates', 'budget'], ['election', 'ballots', 'turnout'], ['pipeline', 'gas supplies', 'tariffs'],
  ['vaccine', 'hospitals', 'outbreak'], ['strike', 'wages', 'ports'], ['flooding', 'dams', 'evacuations'], ['trade deal', 'quotas', 'exports'],
  ['reform', 'pensions', 'parliament'], ['sanctions', 'assets', 'banks'], ['drought', 'harvest', 'grain prices'], ['protests', 'curfew', 'arrests'],
];
const VERBS_PAST = [
  'announced', 'approved', 'rejected', 'suspended', 'signed', 'postponed', 'launched', 'revised', 'blocked', 'extended',
  'unveiled', 'scrapped', 'endorsed', 'challenged', 'ratified', 'amended', 'froze', 'renewed', 'questioned', 'funded',
];
const ORGS = ['ministry', 'council', 'party', 'union', 'agency', 'committee', 'court', 'bank', 'board', 'alliance', 'assembly', 'authority'];
const TOPIC_WORDS = ['water rights', 'rail links', 'fishing quotas', 'school meals', 'mining permits', 'housing grants', 'bus fares', 'border posts', 'fuel subsidies', 'grain silos', 'tax credits', 'coal plants', 'ferry routes', 'clinic budgets', 'road tolls', 'data rules'];
const OBJECTS = ['a new package of measures', 'the draft agreement', 'an emergency plan', 'the disputed proposal', 'a review of the rules', 'the funding request', 'a joint statement', 'the inquiry'];
const ONGOING = ['has been under review', 'has divided the coalition', 'has drawn protests', 'has been stuck in committee', 'has cost more than planned', 'has faced legal challenges', 'has been delayed repeatedly', 'has had strong backing from donors', 'has split local councils', 'has dominated the agenda'];
const FILLER = [
  'Critics said the move came too late and did little to address the underlying problems.',
  'The decision was welcomed by business groups, although several members voiced doubts about its cost.',
  'Analysts expect the debate to continue for some time, with no clear majority in sight.',
  'Residents interviewed by reporters described long queues and rising prices in the capital.',
  'Officials declined to comment on the details, citing the sensitivity of the negotiations.',
  'The figures were broadly in line with forecasts published by independent economists.',
  'Several smaller parties have threatened to withdraw their support if the plan goes ahead.',
  'Observers noted that turnout at the meetings was lower than organisers had hoped.',
  'A spokesperson for the ministry said further talks were planned but gave no timetable.',
  'The proposal still needs the approval of both chambers before it can take effect.',
  'Independent monitors said they had not been given access to the sites in question.',
  'Markets reacted calmly to the news, and the currency held steady against the dollar.',
  'The government insists the measures are temporary and will be reviewed regularly.',
  'Community leaders called for calm and urged both sides to return to the table.',
  'The report, which runs to more than two hundred pages, makes forty recommendations.',
  'It was not immediately clear how many people would be affected by the change.',
];

const SYLLABLES = ['ka', 'lo', 'mir', 'ven', 'tas', 'ro', 'bel', 'un', 'dra', 'sko', 'vi', 'nel', 'tor', 'ha', 'gen', 'pa', 'zu', 'rin', 'mo', 'es', 'lin', 'dar', 'qui', 'ost'];
const NOUNS = ['plan', 'bill', 'accord', 'report', 'fund', 'commission', 'initiative', 'programme', 'summit', 'review', 'project', 'mission', 'ruling', 'consortium', 'framework'];

/** A made-up proper name ("Velmirtas"): keeps sentences of different articles from looking alike. */
function nameOf(rand: () => number): string {
  let w = '';
  for (let n = 2 + Math.floor(rand() * 2); n > 0; n--) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return w.charAt(0).toUpperCase() + w.slice(1);
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

type Day = { y: number; m: number; d: number };

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function shift(day: Day, days: number): Day {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function iso(day: Day): string {
  return `${day.y}-${pad2(day.m)}-${pad2(day.d)}`;
}

function slugOf(words: string): string {
  return words
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A dated expression the tagger resolves, relative to the publication day, with a fitting preposition. */
function datedPhrase(rand: () => number, pub: Day): string {
  const back = shift(pub, -Math.floor(rand() * 900) - 3);
  switch (Math.floor(rand() * 13)) {
    case 0:
      return `on ${back.d} ${MONTHS[back.m - 1]} ${back.y}`;
    case 1:
      return `on ${MONTHS_SHORT[back.m - 1]} ${back.d}, ${back.y}`;
    case 2:
      return `in ${MONTHS[back.m - 1]} ${back.y}`;
    case 3:
      return `in ${MONTHS[shift(pub, -40).m - 1]}`;
    case 4:
      return `in the first days of ${MONTHS[back.m - 1]} ${back.y}`;
    case 5:
      return 'last week';
    case 6:
      return `${pick(rand, NUMBERS)} weeks ago`;
    case 7:
      return `on ${pick(rand, WEEKDAYS)}`;
    case 8:
      return `in the ${pick(rand, ['first', 'second', 'third', 'fourth'])} quarter of ${pub.y - 1}`;
    case 9:
      return `in ${back.y}`;
    case 10:
      return `in the ${Math.floor((pub.y - 10 - Math.floor(rand() * 30)) / 10) * 10}s`;
    case 11:
      return 'earlier this year';
    default:
      return `in the ${pick(rand, ['spring', 'summer', 'autumn'])} of ${back.y}`;
  }
}

function citedUrl(rand: () => number, pub: Day, words: string): string {
  const day = shift(pub, -Math.floor(rand() * 60) - 1);
  const host = pick(rand, HOSTS);
  const slug = slugOf(words);
  return rand() < 0.5
    ? `https://${host}/${day.y}/${pad2(day.m)}/${pad2(day.d)}/${slug}/`
    : `https://${host}/news/${day.y}${pad2(day.m)}${pad2(day.d)}/${slug}-${Math.floor(rand() * 1e6)}.html`;
}

/** Article i of the corpus of `seed`: its file name and text. Pure. */
export function generateArticle(seed: number, i: number): { name: string; text: string } {
  const rand = prng(mix(seed, i));
  const pub: Day = { y: 2008 + Math.floor(rand() * 17), m: 1 + Math.floor(rand() * 12), d: 1 };
  pub.d = 1 + Math.floor(rand() * daysIn(pub.y, pub.m));
  const topic = pick(rand, TOPICS);
  const place = pick(rand, PLACES);
  const actor = pick(rand, ACTORS);
  // A few people recur across the corpus (as public figures do); most are this article's own.
  const someone = (): string => (rand() < 0.15 ? pick(rand, PEOPLE) : `${pick(rand, FIRST_NAMES)} ${nameOf(rand)}`);
  const person = someone();
  const [t0, t1] = topic as [string, string, string];
  const title = `${actor} ${pick(rand, VERBS_PAST)} ${pick(rand, OBJECTS)} on ${t0} in ${place}`.replace(/^The /, '');
  const host = pick(rand, HOSTS);
  const url = `https://${host}/${pub.y}/${pad2(pub.m)}/${pad2(pub.d)}/${slugOf(`${title} ${i}`)}/`;
  const cites: string[] = [];

  // Names this article keeps coming back to; most sentences also bring one of their own.
  const own = [nameOf(rand), nameOf(rand), nameOf(rand)];
  const thing = (): string => `the ${rand() < 0.5 ? pick(rand, own) : nameOf(rand)} ${pick(rand, NOUNS)}`;
  // Who acts: a common institution, or one of this article's own (the "Velmirtas council").
  const actorName = (): string => (rand() < 0.4 ? pick(rand, ACTORS) : `The ${pick(rand, own)} ${pick(rand, ORGS)}`);
  const about = (): string => (rand() < 0.5 ? t1 : pick(rand, TOPIC_WORDS));
  const sentence = (): string => {
    const r = rand();
    if (r < 0.2) return `${actorName()} ${pick(rand, VERBS_PAST)} ${thing()} on the ${about()} ${datedPhrase(rand, pub)}.`;
    if (r < 0.28) return `${capital(datedPhrase(rand, pub))}, ${actorName().replace(/^The /, 'the ')} ${pick(rand, VERBS_PAST)} ${thing()} in ${place}.`;
    if (r < 0.34) return `${person} has said that ${thing()} would remain a priority for ${place}.`;
    if (r < 0.38) return `Earlier, ${pick(rand, HOSTS).replace(/^www\./, '')} reported that talks on ${thing()} had stalled.`;
    if (r < 0.43) return `${capital(thing())} ${pick(rand, ONGOING)} since ${pub.y - 1 - Math.floor(rand() * 8)}, according to ${someone()}.`;
    if (r < 0.48) {
      const name = thing();
      const u = citedUrl(rand, pub, `${t0} ${place} ${name} ${pick(rand, VERBS_PAST)}`);
      cites.push(u);
      return `${actorName()} ${pick(rand, VERBS_PAST)} ${name} on the ${t0} in ${place}, as reported at ${u} at the time.`;
    }
    return pick(rand, FILLER);
  };

  const paragraphs: string[] = [];
  const count = 4 + Math.floor(rand() * 5);
  for (let p = 0; p < count; p++) {
    const n = 3 + Math.floor(rand() * 4);
    const ss: string[] = [];
    for (let s = 0; s < n; s++) ss.push(sentence());
    paragraphs.push(ss.join(' '));
  }
  const trailing = 1 + Math.floor(rand() * 2);
  for (let k = 0; k < trailing; k++) cites.push(citedUrl(rand, pub, `${t0} ${t1} ${place} ${pick(rand, OBJECTS)}`));
  const tail = cites.slice(-trailing);
  const text = ` date ${iso(pub)} ${url}\n\n${title}\n\n${paragraphs.join('\n\n')}\n\n${tail.join('\n')}\n`;
  return { name: `${String(i).padStart(6, '0')}_${iso(pub)}.txt`, text };
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Writes articles [0, count) of `seed` into `outDir` (replacing any .txt there). Returns the bytes written. */
export function writeCorpus(outDir: string, count: number, seed: number): number {
  mkdirSync(outDir, { recursive: true });
  for (const n of readdirSync(outDir)) if (n.endsWith('.txt')) rmSync(join(outDir, n));
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const { name, text } = generateArticle(seed, i);
    const buf = Buffer.from(text, 'utf8');
    bytes += buf.length;
    writeFileSync(join(outDir, name), buf);
  }
  return bytes;
}

export const DEFAULT_SEED = 42;

function main(argv: readonly string[]): number {
  let count = 1000;
  let seed = DEFAULT_SEED;
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--count' && v) count = Number(v);
    else if (a === '--seed' && v) seed = Number(v);
    else if (a === '--out' && v) out = v;
    else {
      process.stderr.write(`generate-corpus: unexpected "${a}"\nusage: tsx bench/generate-corpus.ts --count N [--seed S] [--out DIR]\n`);
      return 2;
    }
    i++;
  }
  if (!Number.isInteger(count) || count < 0 || !Number.isInteger(seed)) {
    process.stderr.write('generate-corpus: --count and --seed must be integers\n');
    return 2;
  }
  const dir = out ?? join('.bench', `corpus-${count}`);
  const bytes = writeCorpus(dir, count, seed);
  process.stdout.write(`generate-corpus: ${count} articles, ${(bytes / 1e6).toFixed(1)} MB -> ${dir}\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main(process.argv.slice(2));
