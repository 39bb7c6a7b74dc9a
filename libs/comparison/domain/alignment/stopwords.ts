import type { AlignLang } from './types';

/**
 * Function words and the boilerplate of outcome statements ("is able to", "kan", "ist in der Lage").
 * They carry no content, and dictionaries translate them into many unrelated words.
 */
const LISTS: Record<AlignLang, string> = {
  nl: `de het een en of van voor met op aan in te bij als die dat dit deze door naar om tot zijn is zijn wordt worden
    uit ook over eigen binnen zoals waaronder hun zijn haar hem zich er niet wel meer dan maar ten ter na onder tussen
    alsmede alsook evenals waarbij waarin waarmee welke wie wat kan kunnen moet moeten heeft hebben heeft zal zullen
    mogelijk staat stelt in staat betreffende inzake respectievelijk enz bijv onder andere zo gaat`,
  de: `der die das den dem des ein eine einer eines einem einen und oder mit von vom für fur auf bei als zur zum im in an am
    aus sie sich nach über uber durch einschließlich einschliesslich sowie bzw usw dass daß wie wird werden ist sind sein
    kann können konnen muss müssen soll sollen hat haben diese dieser dieses diesen jeweils auch nicht zu um unter zwischen
    gegen ohne so deren dessen ihre ihren ihrer ihr seine seiner seinen lage insbesondere z.b zb etc`,
  en: `the a an and or of for with on at in to by as that this these those from into own within including is are be been
    being can could may must should shall will would has have having its their his her it they them such which who whom
    whose what how not also both either neither between under over about through etc e.g i.e able ability`,
};

const SETS: Record<AlignLang, ReadonlySet<string>> = { nl: toSet(LISTS.nl), de: toSet(LISTS.de), en: toSet(LISTS.en) };

function toSet(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

export function isStopword(lang: AlignLang, word: string): boolean {
  return SETS[lang].has(word);
}
