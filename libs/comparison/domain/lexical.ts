/** Token similarity for outcomes written in the same language. Cross-language text is never compared. */

const STOPWORDS = new Set(
  [
    // nl
    'de het een en van voor met op aan in te bij als die dat door naar om tot zijn uit ook of over eigen binnen zoals waaronder',
    // de
    'der die das den dem des ein eine einer eines einem und oder mit von für fur auf bei als zur zum im in an aus sie sich nach uber über durch einschließlich einschliesslich',
    // en
    'the a an and or of for with on at in to by as that this from into own within including is are be',
  ]
    .join(' ')
    .split(/\s+/),
);

const STEM_LENGTH = 6;

export function normaliseText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Lower-cased, accent-free tokens without stop words, cut to a short prefix (a crude stem for inflected nl/de). */
export function tokenSet(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of normaliseText(text).split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 3 || STOPWORDS.has(raw)) continue;
    out.add(raw.length > STEM_LENGTH ? raw.slice(0, STEM_LENGTH) : raw);
  }
  return out;
}

/** Dice coefficient of two token sets (0…1). */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const t of small) if (large.has(t)) shared++;
  return (2 * shared) / (a.size + b.size);
}
