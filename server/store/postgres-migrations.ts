/**
 * The PostgreSQL schema's versions: `migrations/NNN-name.sql`, applied in order of NNN. A
 * migration is never edited once released (its checksum is recorded and checked); a change is a
 * new file.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** sha256 hex of the SQL text, recorded when applied. */
  checksum: string;
}

const folder = fileURLToPath(new URL('./migrations/', import.meta.url));
const fileName = /^(\d{3})-([a-z0-9-]+)\.sql$/;

export function migration(version: number, name: string, sql: string): Migration {
  // Line endings do not make another migration: a checkout with CRLF (git on Windows) must
  // upgrade a database that a checkout with LF migrated.
  return { version, name, sql, checksum: createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex') };
}

/** Every migration in the folder, oldest first. Throws when two share a number or one is missing. */
export function loadMigrations(dir: string = folder): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => ({ file, match: fileName.exec(file) }))
    .filter((f): f is { file: string; match: RegExpExecArray } => f.match !== null)
    .map(({ file, match }) => migration(Number(match[1]), match[2]!, readFileSync(`${dir}/${file}`, 'utf8')))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(
        `Migration ${String(m.version).padStart(3, '0')}-${m.name}.sql in ${dir} should be number ${i + 1}: migrations are numbered 001, 002, … without gaps or duplicates.`,
      );
    }
  });
  return migrations;
}
