import type { DataSource } from 'typeorm';

/** The row count of every table in the public schema: what "a public call writes nothing" is checked against. */
export async function rowCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const tables: Array<{ table_name: string }> = await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`);
  const out: Record<string, number> = {};
  for (const { table_name } of tables) out[table_name] = Number((await dataSource.query(`SELECT count(*) FROM "${table_name}"`))[0].count);
  return out;
}
