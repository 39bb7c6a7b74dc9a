import type { QualificationFile } from '../../catalogue/domain/qualification-file.schema';
import { msg } from './messages';
import { r4 } from './outcomes';
import type { PolicyParams } from './policy';
import type { DocumentNeeded, ReportLang, TrainingProfile, WorkloadComparison, WorkloadSide } from './types';

/** Sourced conversions between workload units; each is cited in the report where it is used. */
export const CONVERSIONS = {
  /** ECTS Users' Guide 2015: 60 ECTS credits = one year of full-time study = 1,500–1,800 hours. */
  ects: { perYear: 60, hoursPerCreditMin: 25, hoursPerCreditMax: 30, source: "ECTS Users' Guide 2015" },
  /** Recommendation 2009/C 155/02 (ECVET): 60 points for the learning outcomes of one year of full-time formal VET. */
  ecvet: { perYear: 60, source: 'Recommendation 2009/C 155/02 (ECVET)' },
  /** A Dutch study-load hour (studiebelastingsuur) is one hour of study load. */
  sbu: { hoursPerUnit: 1 },
} as const;

const SCHOOL_ROUTES = new Set(['BOL', 'SCHOOL_BASED', 'FULL_TIME']);
const WORK_ROUTES = new Set(['BBL', 'DUAL']);

function profileOf(routes: readonly string[]): TrainingProfile {
  const school = routes.some((r) => SCHOOL_ROUTES.has(r));
  const work = routes.some((r) => WORK_ROUTES.has(r));
  return school && work ? 'BOTH' : school ? 'SCHOOL_BASED' : work ? 'WORK_BASED' : 'UNKNOWN';
}

/** One side's workload in hours and months, with how each value was obtained. */
export function workloadSide(f: QualificationFile, p: PolicyParams, lang: ReportLang): WorkloadSide {
  const w = f.workload;
  const conversions: string[] = [];
  let hours: number | null = null;
  let hoursSource: WorkloadSide['hoursSource'] = null;
  let hoursRange: WorkloadSide['hoursRange'] = null;
  const unitHours = f.units.length > 0 && f.units.every((u) => u.hours !== undefined) ? f.units.reduce((s, u) => s + (u.hours ?? 0), 0) : null;
  const ecvetHours = (points: number) => r4((points / CONVERSIONS.ecvet.perYear) * 12 * p.hoursPerMonth);
  if (w.hoursTotal !== undefined) [hours, hoursSource] = [w.hoursTotal, 'HOURS_TOTAL'];
  else if (w.hoursTheory !== undefined && w.hoursPractice !== undefined) [hours, hoursSource] = [w.hoursTheory + w.hoursPractice, 'THEORY_PLUS_PRACTICE'];
  else if (w.sbu !== undefined) {
    [hours, hoursSource] = [w.sbu * CONVERSIONS.sbu.hoursPerUnit, 'SBU'];
    conversions.push(msg(lang, 'conv.sbu', { sbu: w.sbu, hours }));
  } else if (w.ects !== undefined) {
    [hours, hoursSource] = [r4(w.ects * p.hoursPerEcts), 'ECTS'];
    hoursRange = { min: w.ects * CONVERSIONS.ects.hoursPerCreditMin, max: w.ects * CONVERSIONS.ects.hoursPerCreditMax };
    conversions.push(msg(lang, 'conv.ects', { ects: w.ects, hpe: p.hoursPerEcts, hours, min: hoursRange.min, max: hoursRange.max, source: CONVERSIONS.ects.source }));
  } else if (unitHours !== null) [hours, hoursSource] = [unitHours, 'UNIT_HOURS'];
  else if (w.ecvet !== undefined) {
    [hours, hoursSource] = [ecvetHours(w.ecvet), 'ECVET'];
    conversions.push(msg(lang, 'conv.ecvetHours', { ecvet: w.ecvet, hpm: p.hoursPerMonth, hours, source: CONVERSIONS.ecvet.source }));
  }

  // The duration, if not stated, follows from credits: both systems count 60 a full-time year.
  let durationMonths = f.durationMonths ?? null;
  let durationSource: WorkloadSide['durationSource'] = durationMonths !== null ? 'STATED' : null;
  if (durationMonths === null && w.ects !== undefined) {
    [durationMonths, durationSource] = [r4((w.ects / CONVERSIONS.ects.perYear) * 12), 'ECTS'];
    conversions.push(msg(lang, 'conv.durationEcts', { ects: w.ects, months: durationMonths, source: CONVERSIONS.ects.source }));
  } else if (durationMonths === null && w.ecvet !== undefined) {
    [durationMonths, durationSource] = [r4((w.ecvet / CONVERSIONS.ecvet.perYear) * 12), 'ECVET'];
    conversions.push(msg(lang, 'conv.durationEcvet', { ecvet: w.ecvet, months: durationMonths, source: CONVERSIONS.ecvet.source }));
  }

  const theoryPractice = w.hoursTheory !== undefined && w.hoursPractice !== undefined ? w.hoursTheory + w.hoursPractice : null;
  const routes = [...w.routes].sort();
  return {
    durationMonths,
    hoursTheory: w.hoursTheory ?? null,
    hoursPractice: w.hoursPractice ?? null,
    hours,
    hoursSource,
    hoursRange,
    durationSource,
    conversions,
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
export function compareWorkload(holder: QualificationFile, reference: QualificationFile, p: PolicyParams, lang: ReportLang = 'en'): WorkloadComparison {
  const h = workloadSide(holder, p, lang);
  const r = workloadSide(reference, p, lang);
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

/** A value the comparison needs but neither file states becomes a document to ask for, never a silent skip. */
export function workloadDocuments(w: WorkloadComparison, lang: ReportLang): DocumentNeeded[] {
  const out: DocumentNeeded[] = [];
  const sides = [['HOLDER', w.holder], ['REFERENCE', w.reference]] as const;
  for (const [side, s] of sides) {
    const who = msg(lang, side === 'HOLDER' ? 'word.holder' : 'word.reference');
    if (s.hours === null) out.push({ code: `${side}_HOURS`, side, message: msg(lang, 'doc.hours', { who }) });
    if (s.durationMonths === null) out.push({ code: `${side}_DURATION`, side, message: msg(lang, 'doc.duration', { who }) });
  }
  return out;
}
