import { LANGS, type Lang, type LangOrUnknown, type LangSegment, type NormalizedText } from '../types.ts';
import { codeAt, F_LETTER, flagsOf, isLatinLetter } from './chars.ts';
import { LATIN_LANGS, type LatinLang } from './latin-profiles.ts';
import { decideLatin, type LatinDecision, LatinEvidence } from './latin-score.ts';

// Scripts that name their language outright (no model): Thai, Lao, Khmer, Myanmar, Han.
const NONE = 0;
const LATIN = 1;
const OTHER = 2;
const SCRIPT_LANG: Record<number, Lang> = { 3: 'th', 4: 'lo', 5: 'km', 6: 'my', 7: 'zh' };

// Script of each BMP unit, filled lazily (0 = not computed yet, else script + 1).
const scriptTable = new Uint8Array(0x10000);

function scriptOf(u: number): number {
  const s = scriptTable[u] ?? 0;
  if (s !== 0) return s - 1;
  const computed = computeScript(u);
  scriptTable[u] = computed + 1;
  return computed;
}

function computeScript(u: number): number {
  if (u < 0x80) return (u >= 0x61 && u <= 0x7a) || (u >= 0x41 && u <= 0x5a) ? LATIN : NONE;
  if (isLatinLetter(u)) return LATIN;
  if (u >= 0x0e01 && u <= 0x0e4e) return 3;
  if (u >= 0x0e81 && u <= 0x0edf) return 4;
  if ((u >= 0x1780 && u <= 0x17d3) || (u >= 0x19e0 && u <= 0x19ff)) return 5;
  if (
    (u >= 0x1000 && u <= 0x103f) ||
    (u >= 0x104c && u <= 0x109f) ||
    (u >= 0xa9e0 && u <= 0xa9ff) ||
    (u >= 0xaa60 && u <= 0xaa7f)
  )
    return 6;
  if (
    (u >= 0x4e00 && u <= 0x9fff) ||
    (u >= 0x3400 && u <= 0x4dbf) ||
    (u >= 0xf900 && u <= 0xfaff) ||
    (u >= 0xd840 && u <= 0xd8bf)
  )
    return 7;
  if (u >= 0xd800 && u <= 0xdfff) return NONE;
  return flagsOf(u) & F_LETTER ? OTHER : NONE;
}

/** Line breaks, and sentence-final punctuation followed by a space, end a segment. */
function endsSentence(text: string, i: number): boolean {
  const u = text.charCodeAt(i);
  if (u === 0x0a || u === 0x0d) return true;
  const sentenceMark =
    u === 0x2e ||
    u === 0x21 ||
    u === 0x3f ||
    u === 0x3002 ||
    u === 0xff01 ||
    u === 0xff1f ||
    u === 0x104b ||
    u === 0x17d4 ||
    u === 0x17d5;
  if (!sentenceMark) return false;
  const next = codeAt(text, i + 1);
  return next === -1 || next === 0x20 || next === 0x0a || u >= 0x3000 || u === 0x104b || u === 0x17d4;
}

const isSpace = (u: number): boolean => u === 0x20 || u === 0x0a || u === 0x0d || u === 0x09 || u === 0x3000;
const isAsciiAlpha = (u: number): boolean => (u >= 0x61 && u <= 0x7a) || (u >= 0x41 && u <= 0x5a);

/** End of the URL, e-mail or domain starting at i (its letters are no evidence of a language), or i. */
function skipLink(text: string, i: number): number {
  let e = i;
  let link = false;
  while (e < text.length && !isSpace(text.charCodeAt(e))) {
    const u = text.charCodeAt(e);
    if (u === 0x3a && codeAt(text, e + 1) === 0x2f && codeAt(text, e + 2) === 0x2f) link = true;
    else if (u === 0x40 && e > i) link = true;
    else if (u === 0x2e && e > i && isAsciiAlpha(codeAt(text, e + 1)) && isAsciiAlpha(codeAt(text, e + 2))) {
      // a dot followed by a 2+ letter label that ends the token or is followed by "/" or "."
      let k = e + 1;
      while (k < text.length && isAsciiAlpha(text.charCodeAt(k))) k++;
      const after = codeAt(text, k);
      if (
        k - e - 1 <= 6 &&
        (k === text.length || isSpace(after) || after === 0x2f || after === 0x2e || after === 0x3a)
      )
        link = true;
    }
    e++;
  }
  return link ? e : i;
}

type Piece = { start: number; end: number; script: number; letters: number; evidence: LatinEvidence | null };

function splitPieces(n: NormalizedText): Piece[] {
  const { text, bare } = n;
  const pieces: Piece[] = [];
  let start = 0;
  let script = NONE;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u < 0x80 && (i === 0 || isSpace(text.charCodeAt(i - 1)))) {
      const end = skipLink(text, i);
      if (end > i) {
        i = end - 1;
        continue;
      }
    }
    const sc = scriptOf(u);
    if (sc !== NONE) {
      if (script !== NONE && sc !== script) {
        pieces.push(makePiece(text, bare, start, i, script, letters));
        start = i;
        letters = 0;
      }
      script = sc;
      letters++;
    } else if (script !== NONE && endsSentence(text, i)) {
      pieces.push(makePiece(text, bare, start, i + 1, script, letters));
      start = i + 1;
      script = NONE;
      letters = 0;
    }
  }
  if (start < text.length || pieces.length === 0)
    pieces.push(makePiece(text, bare, start, text.length, script, letters));
  return pieces;
}

function makePiece(
  text: string,
  bare: string,
  start: number,
  end: number,
  script: number,
  letters: number,
): Piece {
  let evidence: LatinEvidence | null = null;
  if (script === LATIN) {
    evidence = new LatinEvidence();
    evidence.add(text, bare, start, end);
  }
  return { start, end, script, letters, evidence };
}

const HINT_ALIASES: Record<string, Lang> = {
  tl: 'fil',
  tgl: 'fil',
  fil: 'fil',
  in: 'id',
  ind: 'id',
  zsm: 'ms',
  msa: 'ms',
  may: 'ms',
  zlm: 'ms',
  vie: 'vi',
  tha: 'th',
  khm: 'km',
  lao: 'lo',
  mya: 'my',
  bur: 'my',
  zho: 'zh',
  chi: 'zh',
  cmn: 'zh',
  yue: 'zh',
  eng: 'en',
};

/** A language tag ("th", "th-TH", "tgl", "zh-Hant") → one of LANGS, or undefined. */
export function parseLangHint(hint: string | undefined): Lang | undefined {
  if (hint === undefined) return undefined;
  const base = hint.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const alias = HINT_ALIASES[base];
  if (alias !== undefined) return alias;
  return LANGS.find((l) => l === base);
}

function asLatin(lang: Lang | undefined): LatinLang | undefined {
  return LATIN_LANGS.find((l) => l === lang);
}

const MALAY = new Set<LangOrUnknown>(['id', 'ms']);
/** A segment long enough to overrule the post's Latin language. */
const OWN_LETTERS = 30;

function pieceLatinLang(e: LatinEvidence, own: LatinDecision, post: LatinDecision | null): LangOrUnknown {
  if (!post?.confident) return own.confident ? own.lang : 'und';
  if (!own.confident || own.lang === post.lang) return post.lang;
  // id/ms: a segment without a word only one of them uses follows the post.
  if (MALAY.has(own.lang) && MALAY.has(post.lang)) return e.idOnly === e.msOnly ? post.lang : own.lang;
  return e.letters >= OWN_LETTERS ? own.lang : post.lang;
}

// Han characters carry about a word each; weigh them against letters of alphabetic scripts.
const HAN_WEIGHT = 2;
const MIN_SCRIPT_LETTERS = 2;

/**
 * The post's main language and its language segments. Segments split the text (NormalizedText.text
 * indices, [start, end), together covering it) at script changes and sentence or line ends, and
 * adjacent segments of one language are merged. Thai, Lao, Khmer, Myanmar and Han decide by script;
 * Latin text is scored for en/vi/id/ms/fil (latin-score.ts) per segment, falling back to the whole
 * post's Latin evidence when a segment is too short to tell. Too little evidence → the hint or 'und'.
 */
export function detectLanguages(
  n: NormalizedText,
  hint?: string,
): { lang: LangOrUnknown; segments: LangSegment[] } {
  const hinted = parseLangHint(hint);
  const latinHint = asLatin(hinted);
  const pieces = splitPieces(n);
  const all = new LatinEvidence();
  for (const p of pieces) if (p.evidence) all.merge(p.evidence);
  const post = all.letters > 0 ? decideLatin(all, latinHint) : null;

  const segments: LangSegment[] = [];
  const weight = new Map<LangOrUnknown, number>();
  for (const p of pieces) {
    let lang: LangOrUnknown = 'und';
    if (p.evidence) {
      lang = pieceLatinLang(p.evidence, decideLatin(p.evidence, latinHint), post);
    } else {
      lang = SCRIPT_LANG[p.script] ?? 'und';
    }
    weight.set(lang, (weight.get(lang) ?? 0) + p.letters * (lang === 'zh' ? HAN_WEIGHT : 1));
    const prev = segments[segments.length - 1];
    // Letterless pieces (numbers, punctuation) join the segment before them; leading ones the first.
    if (p.letters === 0) {
      if (prev) prev.end = p.end;
      continue;
    }
    if (prev && prev.lang === lang) prev.end = p.end;
    else segments.push({ start: prev ? p.start : 0, end: p.end, lang });
  }
  if (segments.length === 0 && n.text.length > 0)
    segments.push({ start: 0, end: n.text.length, lang: 'und' });

  let lang: LangOrUnknown = 'und';
  let best = 0;
  for (const [l, w] of weight) {
    if (l !== 'und' && w > best) {
      best = w;
      lang = l;
    }
  }
  if (best < MIN_SCRIPT_LETTERS) lang = 'und';
  if (lang === 'und') return { lang: hinted ?? 'und', segments };
  return { lang, segments };
}
