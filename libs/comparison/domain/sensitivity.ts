import { decide, type DecisionInput } from './decide';
import { msg } from './messages';
import { r4 } from './outcomes';
import { THRESHOLD_PARAMS } from './parameters';
import type { PolicyParams } from './policy';
import { isAutomatic } from './regime';
import type { ReportLang, Sensitivity, ThresholdMove, Verdict } from './types';

const SHARES = new Set<keyof PolicyParams>(['outcomeCoveredThreshold', 'unitCoverageThreshold', 'dimensionCoverageThreshold', 'coverageFloor', 'workloadShortfallRatio', 'experienceCompensationShare']);

/**
 * Would the verdict change if any decision threshold moved by ±10%? Each move decides the same comparison
 * again (matching is not repeated); a verdict that flips makes the case borderline, and the report says why.
 */
export function sensitivity(input: DecisionInput, p: PolicyParams, verdict: Verdict, lang: ReportLang, step = 0.1): Sensitivity {
  if (isAutomatic(input.regime.kind)) return { robust: true, statement: msg(lang, 'sens.automatic'), moves: [] };
  const moves: ThresholdMove[] = [];
  for (const param of THRESHOLD_PARAMS) {
    const base = p[param];
    if (typeof base !== 'number') continue;
    for (const f of [1 - step, 1 + step]) {
      const raw = r4(base * f);
      const moved = SHARES.has(param) ? Math.min(1, raw) : raw;
      if (moved === base) continue;
      moves.push({ param, base, moved, verdict: decide(input, { ...p, [param]: moved }, lang).verdict });
    }
  }
  const flips = moves.filter((m) => m.verdict !== verdict);
  const statement = flips.length
    ? msg(lang, 'sens.borderline', { moves: flips.map((m) => msg(lang, 'sens.move', { param: m.param, moved: m.moved, base: m.base, verdict: m.verdict })).join('; ') })
    : msg(lang, 'sens.robust', { verdict });
  return { robust: flips.length === 0, statement, moves };
}
