/// <reference path="./myanmar-tools.d.ts" />
// Zawgyi (the legacy Burmese font encoding) → Unicode. The detector (a Markov model, ~3 µs) only runs
// when the text has Myanmar-block code points; conversion (CLDR rules, slow: ~70 µs per call plus
// ~20 µs per character, measured) only when P(Zawgyi) ≥ 0.95, the threshold myanmar-tools
// recommends when conversion is automatic (< 1% of Unicode strings wrongly flagged).
import myanmarTools from 'myanmar-tools';
import type { UnitBuffer } from './buffer.ts';
import { isInvisible, isMyanmar } from './chars.ts';

const detector = new myanmarTools.ZawgyiDetector();
const converter = new myanmarTools.ZawgyiConverter();
export const ZAWGYI_THRESHOLD = 0.95;

export function isZawgyi(original: string): boolean {
  let hasMyanmar = false;
  for (let i = 0; i < original.length; i++) {
    if (isMyanmar(original.charCodeAt(i))) {
      hasMyanmar = true;
      break;
    }
  }
  // Invisible characters are removed before anything reads the text, and the detector must not see
  // them either: zero-width spaces between the letters of Unicode Burmese (a filter evasion) make it
  // read as Zawgyi, and the conversion then garbles it.
  return hasMyanmar && detector.getZawgyiProbability(visibleOnly(original)) >= ZAWGYI_THRESHOLD;
}

/**
 * The text in Unicode Burmese: converted whole when it reads as Zawgyi (isZawgyi), else as it is.
 * For values compared as keys (a name's search tokens), where offsets into the original do not matter.
 */
export function asUnicodeBurmese(text: string): string {
  return isZawgyi(text) ? converter.zawgyiToUnicode(visibleOnly(text)) : text;
}

function visibleOnly(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    if (isInvisible(cp)) {
      out += s.slice(from, i);
      from = i + width;
    }
    i += width - 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

const inUnits: number[] = [];
const inOrigins: number[] = [];

function isStretchSpace(u: number): boolean {
  return u === 0x20 || u === 0xa0 || u === 0x3000;
}

/**
 * Converts the Myanmar stretch starting at `start` (Myanmar-block characters and the spaces and
 * invisible characters between them) and pushes it through `push`. Returns the index after it.
 *
 * Offsets: conversion reorders and changes length, so characters cannot be traced one by one. The
 * stretch is split at spaces; when input and output have the same number of space-separated pieces
 * (the usual case), each output character maps proportionally into its own input piece, otherwise
 * proportionally into the whole stretch. Either way offsets stay monotonic and inside the stretch.
 */
export function convertZawgyiStretch(
  original: string,
  start: number,
  out: UnitBuffer,
  push: (out: UnitBuffer, unit: number, origin: number) => void,
): number {
  inUnits.length = 0;
  inOrigins.length = 0;
  let i = start;
  let keptAtLastMyanmar = 0;
  let end = start;
  while (i < original.length) {
    const u = original.charCodeAt(i);
    if (isMyanmar(u)) {
      inUnits.push(u);
      inOrigins.push(i);
      keptAtLastMyanmar = inUnits.length;
      end = i + 1;
    } else if (isStretchSpace(u)) {
      inUnits.push(0x20);
      inOrigins.push(i);
    } else if (!isInvisible(u)) {
      break;
    }
    i++;
  }
  inUnits.length = keptAtLastMyanmar;
  inOrigins.length = keptAtLastMyanmar;
  // myanmar-tools rewrites the whole remaining string at each rule match, which is quadratic on long
  // input: convert in chunks of at most CHUNK_MAX units, cut at a space or a syllable start.
  for (let cs = 0; cs < inUnits.length; ) {
    const ce = chunkEnd(cs);
    const converted = converter
      .zawgyiToUnicode(unitsToString(cs, ce))
      .normalize('NFKC')
      .replace(ASAT_BEFORE_MEDIAL, '$1\u103a');
    mapPieces(converted, cs, ce, out, push);
    if (ce < inUnits.length && inUnits[ce] === 0x20) {
      push(out, 0x20, inOrigins[ce] ?? 0);
      cs = ce + 1;
    } else cs = ce;
  }
  return end;
}

// The converter sometimes puts the asat before a medial ("ခ်ျ" for "ချ်" in "မက်ဆေ့ချ်", message);
// Unicode Burmese stores medials first (UTN #11), as Unicode keyboards and the lexicons do.
const ASAT_BEFORE_MEDIAL = /\u103a([\u103b-\u103e]+)/g;

const CHUNK_MIN = 120;
const CHUNK_MAX = 240;

// Zawgyi stores ေ, ြ and their variants before the consonant they follow in speech.
const isZawgyiPrefix = (u: number): boolean => u === 0x1031 || u === 0x103b || (u >= 0x107e && u <= 0x1084);

function chunkEnd(cs: number): number {
  const limit = Math.min(inUnits.length, cs + CHUNK_MAX);
  if (limit === inUnits.length) return limit;
  for (let k = limit - 1; k > cs + CHUNK_MIN; k--) if (inUnits[k] === 0x20) return k;
  for (let k = limit - 1; k > cs + CHUNK_MIN; k--) {
    const u = inUnits[k] ?? 0;
    const prev = inUnits[k - 1] ?? 0;
    const next = inUnits[k + 1] ?? 0;
    if (
      u >= 0x1000 &&
      u <= 0x1021 &&
      !isZawgyiPrefix(prev) &&
      prev !== 0x1039 &&
      next !== 0x1039 &&
      next !== 0x103a
    ) {
      return k;
    }
  }
  return limit;
}

function unitsToString(from: number, to: number): string {
  let s = '';
  for (let k = from; k < to; k += 4096) s += String.fromCharCode(...inUnits.slice(k, Math.min(to, k + 4096)));
  return s;
}

function spacePositions(units: ArrayLike<number>, from: number, to: number): number[] {
  const positions: number[] = [];
  for (let k = from; k < to; k++) if (units[k] === 0x20) positions.push(k);
  return positions;
}

/** Pushes `converted` (from inUnits[cs, ce)), mapping offsets piece by piece (see convertZawgyiStretch). */
function mapPieces(
  converted: string,
  cs: number,
  ce: number,
  out: UnitBuffer,
  push: (out: UnitBuffer, unit: number, origin: number) => void,
): void {
  const outUnits: number[] = [];
  for (let k = 0; k < converted.length; k++) outUnits.push(converted.charCodeAt(k));
  const inSpaces = spacePositions(inUnits, cs, ce);
  const outSpaces = spacePositions(outUnits, 0, outUnits.length);
  const piecewise = inSpaces.length === outSpaces.length;
  const inBounds = piecewise ? [cs - 1, ...inSpaces, ce] : [cs - 1, ce];
  const outBounds = piecewise ? [-1, ...outSpaces, outUnits.length] : [-1, outUnits.length];
  for (let p = 0; p + 1 < outBounds.length; p++) {
    const os = (outBounds[p] ?? -1) + 1;
    const oe = outBounds[p + 1] ?? outUnits.length;
    const is = (inBounds[p] ?? cs - 1) + 1;
    const ie = inBounds[p + 1] ?? ce;
    for (let k = os; k < oe; k++) {
      const inIdx = ie > is ? is + Math.floor(((k - os) * (ie - is)) / (oe - os)) : Math.max(cs, is - 1);
      push(out, outUnits[k] ?? 0x20, inOrigins[inIdx] ?? inOrigins[cs] ?? 0);
    }
    if (oe < outUnits.length) push(out, 0x20, inOrigins[Math.min(ie, ce - 1)] ?? inOrigins[cs] ?? 0);
  }
}
