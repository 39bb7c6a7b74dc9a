import { type EscoLabels, skillRef } from './esco-labels';
import { msg } from './messages';
import type { NearestHit } from './nearest';
import type { ReportLang } from './types';

/** How many shared skills a reason names. */
const NAMED = 3;

/**
 * Why a qualification is near: the shared ESCO skills (the rarest named by label), the EQF level and
 * whether the professions are in the same ISCO major group (said only where both sides' groups are known).
 */
export function nearestReason(hit: NearestHit, lang: ReportLang, labels: EscoLabels = {}): string {
  const n = hit.sharedSkills;
  let skills = n === 0 ? msg(lang, 'nearest.noSkill') : n === 1 ? msg(lang, 'nearest.skill') : msg(lang, 'nearest.skills', { n });
  const named = hit.shared.map((u) => skillRef(u, labels, lang).label).filter((l): l is string => !!l).slice(0, NAMED);
  if (named.length) skills += ` (${named.join(', ')}${n > named.length ? ', …' : ''})`;
  const gap = hit.levelGap;
  const level = gap ? msg(lang, 'nearest.level', { l: hit.entry.eqfLevel, gap: `${gap > 0 ? '+' : ''}${gap}` }) : msg(lang, 'nearest.sameLevel', { l: hit.entry.eqfLevel });
  const parts = [skills, level];
  if (hit.commonIscoMajorGroups) parts.push(hit.commonIscoMajorGroups.length ? msg(lang, 'nearest.isco', { g: hit.commonIscoMajorGroups.join(', ') }) : msg(lang, 'nearest.iscoOther'));
  return parts.join('; ');
}
