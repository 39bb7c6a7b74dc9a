import { CatalogueResolver } from '../../libs/catalogue/graphql/catalogue.resolver';
import { QualificationResolver } from '../../libs/catalogue/graphql/qualification.resolver';
import { AuditResolver } from '../../libs/platform/audit/audit.resolver';

/** Every resolver of the API, for generating schema.gql without a database (a test checks the list is complete). */
export const API_RESOLVERS = [QualificationResolver, CatalogueResolver, AuditResolver];
