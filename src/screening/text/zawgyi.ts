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
  return hasMyanmar && detector.getZawgyiProbability(original) >= ZAWGYI_THRESHOLD;
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
  const converted = converter.zawgyiToUnicode(unitsToString(inUnits)).normalize('NFKC');
  mapPieces(converted, out, push);
  return end;
}

function unitsToString(units: number[]): string {
  let s = '';
  for (let k = 0; k < units.length; k += 4096) s += String.fromCharCode(...units.slice(k, k + 4096));
  return s;
}

function spacePositions(units: ArrayLike<number>, length: number): number[] {
  const at: number[] = [];
  for (let k = 0; k < length; k++) if (units[k] === 0x20) at.push(k);
  return at;
}

function mapPieces(
  converted: string,
  out: UnitBuffer,
  push: (out: UnitBuffer, unit: number, origin: number) => void,
): void {
  const outUnits: number[] = [];
  for (let k = 0; k < converted.length; k++) outUnits.push(converted.charCodeAt(k));
  const inSpaces = spacePositions(inUnits, inUnits.length);
  const outSpaces = spacePositions(outUnits, outUnits.length);
  const piecewise = inSpaces.length === outSpaces.length;
  const inBounds = piecewise ? [-1, ...inSpaces, inUnits.length] : [-1, inUnits.length];
  const outBounds = piecewise ? [-1, ...outSpaces, outUnits.length] : [-1, outUnits.length];
  for (let p = 0; p + 1 < outBounds.length; p++) {
    const os = (outBounds[p] ?? -1) + 1;
    const oe = outBounds[p + 1] ?? outUnits.length;
    const is = (inBounds[p] ?? -1) + 1;
    const ie = inBounds[p + 1] ?? inUnits.length;
    for (let k = os; k < oe; k++) {
      const inIdx = ie > is ? is + Math.floor(((k - os) * (ie - is)) / (oe - os)) : Math.max(0, is - 1);
      push(out, outUnits[k] ?? 0x20, inOrigins[inIdx] ?? inOrigins[0] ?? 0);
    }
    if (oe < outUnits.length) push(out, 0x20, inOrigins[ie] ?? inOrigins[inOrigins.length - 1] ?? 0);
  }
}
