/**
 * A spelling skeleton that Dutch, German and English cognates share: "Physiologie", "fysiologie" and "physiology"
 * all give "fisiol". Letters that the three languages spell differently are folded, doubled letters collapsed,
 * and only the first letters are kept, where inflection does not reach.
 */
export const COGNATE_LENGTH = 6;

export function cognateSkeleton(word: string): string | null {
  let w = word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z]/g, '');
  if (w.length < COGNATE_LENGTH + 1) return null;
  w = w
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/ch/g, 'k')
    .replace(/ck/g, 'k')
    .replace(/qu/g, 'kw')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/z/g, 's')
    .replace(/y/g, 'i')
    .replace(/v/g, 'f')
    .replace(/w/g, 'v')
    .replace(/(.)\1+/g, '$1');
  return w.length >= COGNATE_LENGTH ? w.slice(0, COGNATE_LENGTH) : null;
}
