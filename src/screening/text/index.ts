// Text stage of screening: normalise a post, identify its languages, split it into words.
export { detectLanguages, parseLangHint } from './language.ts';
export { normalize, toOriginalSpan } from './normalize.ts';
export { segmentWords, type Word, wordTokens } from './segment.ts';
