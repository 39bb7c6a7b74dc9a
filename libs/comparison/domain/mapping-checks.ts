import type { QualificationFile } from '../../catalogue/domain/qualification-file.schema';
import type { FieldProblem } from '../../platform/errors/app-error';

/** The problem with an outcome reference that the file does not have (unit first, then outcome), or none. */
export function outcomeProblem(file: QualificationFile, ref: { unitKey: string; outcomeKey: string }, field: string): FieldProblem[] {
  const unit = file.units.find((u) => u.key === ref.unitKey);
  if (!unit) return [{ field: `${field}.unitKey`, message: `qualification "${file.key}" has no unit "${ref.unitKey}"` }];
  if (!unit.outcomes.some((o) => o.key === ref.outcomeKey)) {
    return [{ field: `${field}.outcomeKey`, message: `unit "${ref.unitKey}" has no outcome "${ref.outcomeKey}"` }];
  }
  return [];
}
