import { EscoOccupationEntity, EscoSkillEntity } from './esco.entity';
import { FrameworkLevelEntity } from './framework-level.entity';
import { FrameworkEntity } from './framework.entity';
import { JurisdictionEntity } from './jurisdiction.entity';
import { LearningOutcomeEntity } from './learning-outcome.entity';
import { ProfessionEntity } from './profession.entity';
import { QualificationUnitEntity } from './qualification-unit.entity';
import { QualificationEntity } from './qualification.entity';

export const CATALOGUE_ENTITIES = [
  JurisdictionEntity,
  FrameworkEntity,
  FrameworkLevelEntity,
  ProfessionEntity,
  QualificationEntity,
  QualificationUnitEntity,
  LearningOutcomeEntity,
  EscoSkillEntity,
  EscoOccupationEntity,
];
