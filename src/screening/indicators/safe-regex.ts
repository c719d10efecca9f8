// Lexicon regexes run on every post, so they must stay linear-time in V8's backtracking engine.
// We accept a deliberately small subset: no quantified group that contains a quantifier or an
// alternation (the (a+)+ and (a|a)* shapes behind catastrophic backtracking), no unbounded
// quantifier at all (* + {n,}: even a+b is quadratic on a long run of a), bounded repeats of at
// most MAX_REPEAT, no backreferences, a look-behind only of one character or class ("(?<![a-z])",
// which costs one step), and a length cap. Each start position then costs a bounded number of
// steps, so a scan is linear in the post.

export const MAX_REGEX_LENGTH = 200;
export const MAX_REPEAT = 20;

type Group = { quantified: boolean; alternation: boolean };

function isQuantifierAt(src: string, i: number): number {
  const c = src[i];
  if (c === '*' || c === '+' || c === '?') return 1;
  if (c === '{') {
    const m = /^\{\d+(,\d*)?\}/.exec(src.slice(i));
    if (m) return m[0].length;
  }
  return 0;
}

/** Returns why a regex source is refused, or null when it is in the safe subset. */
export function unsafeRegexReason(src: string): string | null {
  if (src.length === 0) return 'empty regex';
  if (src.length > MAX_REGEX_LENGTH) return `longer than ${MAX_REGEX_LENGTH} characters`;
  try {
    new RegExp(src, 'u');
  } catch (error) {
    return `invalid regex: ${error instanceof Error ? error.message : String(error)}`;
  }
  const stack: Group[] = [];
  let inClass = false;
  // what the previous token was, to know what a quantifier applies to
  let lastWasGroup: Group | null = null;
  let lastQuantifiable = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      const next = src[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return 'backreferences are not allowed';
      i++;
      if (!inClass) {
        lastWasGroup = null;
        lastQuantifiable = true;
      }
      continue;
    }
    if (inClass) {
      if (c === ']') {
        inClass = false;
        lastWasGroup = null;
        lastQuantifiable = true;
      }
      continue;
    }
    if (c === '[') {
      inClass = true;
      continue;
    }
    if (c === '(') {
      if (src.startsWith('(?<=', i) || src.startsWith('(?<!', i)) {
        const one = /^\(\?<[=!](?:\[(?:\\.|[^\]\\])+\]|\\.|[^()[\]\\|*+?{}])\)/.exec(src.slice(i));
        if (!one) return 'a look-behind may hold only one character or character class';
        i += one[0].length - 1;
        lastWasGroup = null;
        lastQuantifiable = false;
        continue;
      }
      stack.push({ quantified: false, alternation: false });
      lastWasGroup = null;
      lastQuantifiable = false;
      continue;
    }
    if (c === ')') {
      const group = stack.pop();
      if (!group) return 'unbalanced parenthesis';
      const parent = stack[stack.length - 1];
      if (parent && (group.quantified || group.alternation)) {
        // a quantified/alternating group inside another group: the parent now "contains" them
        parent.quantified ||= group.quantified;
        parent.alternation ||= group.alternation;
      }
      lastWasGroup = group;
      lastQuantifiable = true;
      continue;
    }
    if (c === '|') {
      const top = stack[stack.length - 1];
      if (top) top.alternation = true;
      lastWasGroup = null;
      lastQuantifiable = false;
      continue;
    }
    const q = isQuantifierAt(src, i);
    if (q > 0) {
      if (!lastQuantifiable) continue; // a lazy/possessive suffix such as +? after a quantifier
      const token = src.slice(i, i + q);
      if (token === '*' || token === '+' || /^\{\d+,\}$/.test(token)) {
        return `unbounded quantifier ${token} at ${i}: use a bounded repeat such as {1,${MAX_REPEAT}}`;
      }
      const bound = /^\{(?:\d+,)?(\d+)\}$/.exec(token);
      if (bound && Number(bound[1]) > MAX_REPEAT) return `repeat bound above ${MAX_REPEAT} at ${i}`;
      if (lastWasGroup) {
        if (lastWasGroup.quantified)
          return `nested quantifier at ${i}: a quantified group contains a quantifier`;
        if (lastWasGroup.alternation && token !== '?') return `quantified alternation at ${i}`;
      }
      const top = stack[stack.length - 1];
      if (top) top.quantified = true;
      i += q - 1;
      lastWasGroup = null;
      lastQuantifiable = false;
      continue;
    }
    lastWasGroup = null;
    lastQuantifiable = true;
  }
  if (stack.length > 0) return 'unbalanced parenthesis';
  return null;
}
