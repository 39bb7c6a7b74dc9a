import type { QualificationFile } from '../../catalogue/domain/qualification-file.schema';
import { r4 } from './outcomes';
import type { PolicyParams } from './policy';
import type { LevelComparison, LevelSide, TrainingProfile, WorkloadComparison, WorkloadSide } from './types';

const ART11 = ['a', 'b', 'c', 'd', 'e'];
const SCHOOL_ROUTES = new Set(['BOL', 'SCHOOL_BASED', 'FULL_TIME']);
const WORK_ROUTES = new Set(['BBL', 'DUAL']);

function levelSide(f: QualificationFile): LevelSide {
  return { framework: f.framework, nationalLevel: f.nationalLevel, eqfLevel: f.eqfLevel, art11Level: f.art11Level ?? null };
}

/** Lisbon element "level"; Directive 2005/36/EC Art. 11 and 13. */
export function compareLevel(holder: QualificationFile, reference: QualificationFile): LevelComparison {
  const h = levelSide(holder);
  const r = levelSide(reference);
  const art11Gap = h.art11Level && r.art11Level ? ART11.indexOf(r.art11Level) - ART11.indexOf(h.art11Level) : null;
  return { holder: h, reference: r, eqfGap: r.eqfLevel - h.eqfLevel, art11Gap };
}

function profileOf(routes: readonly string[]): TrainingProfile {
  const school = routes.some((r) => SCHOOL_ROUTES.has(r));
  const work = routes.some((r) => WORK_ROUTES.has(r));
  return school && work ? 'BOTH' : school ? 'SCHOOL_BASED' : work ? 'WORK_BASED' : 'UNKNOWN';
}

function workloadSide(f: QualificationFile, p: PolicyParams): WorkloadSide {
  const w = f.workload;
  let hours: number | null = null;
  let hoursSource: WorkloadSide['hoursSource'] = null;
  const unitHours = f.units.length > 0 && f.units.every((u) => u.hours !== undefined) ? f.units.reduce((s, u) => s + (u.hours ?? 0), 0) : null;
  if (w.hoursTotal !== undefined) [hours, hoursSource] = [w.hoursTotal, 'HOURS_TOTAL'];
  else if (w.hoursTheory !== undefined && w.hoursPractice !== undefined) [hours, hoursSource] = [w.hoursTheory + w.hoursPractice, 'THEORY_PLUS_PRACTICE'];
  else if (w.sbu !== undefined) [hours, hoursSource] = [w.sbu, 'SBU'];
  else if (w.ects !== undefined) [hours, hoursSource] = [r4(w.ects * p.hoursPerEcts), 'ECTS'];
  else if (unitHours !== null) [hours, hoursSource] = [unitHours, 'UNIT_HOURS'];
  const theoryPractice = w.hoursTheory !== undefined && w.hoursPractice !== undefined ? w.hoursTheory + w.hoursPractice : null;
  const routes = [...w.routes].sort();
  return {
    durationMonths: f.durationMonths ?? null,
    hoursTheory: w.hoursTheory ?? null,
    hoursPractice: w.hoursPractice ?? null,
    hours,
    hoursSource,
    ects: w.ects ?? null,
    ecvet: w.ecvet ?? null,
    practiceShare: theoryPractice ? r4(w.hoursPractice! / theoryPractice) : null,
    routes,
    profile: profileOf(routes),
  };
}

const diff = (r: number | null, h: number | null) => (r !== null && h !== null ? r4(r - h) : null);
const rel = (r: number | null, h: number | null) => (r !== null && h !== null && r > 0 ? r4((r - h) / r) : null);

/** Lisbon elements "workload" and "profile": positive differences mean the holder has less. */
export function compareWorkload(holder: QualificationFile, reference: QualificationFile, p: PolicyParams): WorkloadComparison {
  const h = workloadSide(holder, p);
  const r = workloadSide(reference, p);
  return {
    holder: h,
    reference: r,
    durationDifferenceMonths: diff(r.durationMonths, h.durationMonths),
    durationRelative: rel(r.durationMonths, h.durationMonths),
    hoursDifference: diff(r.hours, h.hours),
    hoursRelative: rel(r.hours, h.hours),
    theoryDifference: diff(r.hoursTheory, h.hoursTheory),
    practiceDifference: diff(r.hoursPractice, h.hoursPractice),
    profileDiffers: h.profile !== 'UNKNOWN' && r.profile !== 'UNKNOWN' && h.profile !== r.profile,
  };
}
