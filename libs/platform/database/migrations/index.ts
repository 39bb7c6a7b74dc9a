import { Catalogue1764057600000 } from './1764057600000-catalogue';

/** Every migration, in order. Listed explicitly so the build needs no glob at run time. */
export const MIGRATIONS = [Catalogue1764057600000];
