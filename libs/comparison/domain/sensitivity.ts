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
      // A threshold only matters through the values compared with it: with none between the two, nothing changes.
      const values = comparedWith(param, input);
      const lo = Math.min(base, moved);
      const hi = Math.max(base, moved);
      const same = values !== null && !values.some((v) => v >= lo && v <= hi);
      moves.push({ param, base, moved, verdict: same ? verdict : decide(input, { ...p, [param]: moved }, lang, undefined, { verdictOnly: true }).verdict });
    }
  }
  const flips = moves.filter((m) => m.verdict !== verdict);
  const statement = flips.length
    ? msg(lang, 'sens.borderline', { moves: flips.map((m) => msg(lang, 'sens.move', { param: m.param, moved: m.moved, base: m.base, verdict: m.verdict })).join('; ') })
    : msg(lang, 'sens.robust', { verdict });
  return { robust: flips.length === 0, statement, moves };
}

/**
 * The values decide() compares with a threshold (see decide.ts), or null when they are computed inside it (the
 * share of a difference's skills that experience shows): then the move is always decided again.
 */
export function comparedWith(param: keyof PolicyParams, x: DecisionInput): number[] | null {
  const known = (vs: Array<number | null>) => vs.filter((v): v is number => v !== null);
  switch (param) {
    case 'outcomeCoveredThreshold':
      return x.units.flatMap((u) => u.outcomes.map((o) => o.coverage));
    case 'unitCoverageThreshold':
      return known(x.units.filter((u) => u.essential).map((u) => u.coverage));
    case 'dimensionCoverageThreshold':
      return known(x.coverage.byDimension.map((d) => d.coverage));
    case 'coverageFloor':
      return known([x.coverage.overall]);
    case 'durationShortfallMonths':
      return known([x.workload.durationDifferenceMonths]);
    case 'workloadShortfallRatio':
      return known([x.workload.hoursRelative]);
    case 'minExperienceYears':
      return x.evidence.map((e) => e.years);
    case 'experienceCompensationShare':
      return x.evidence.length ? null : [];
    default:
      return null;
  }
}
