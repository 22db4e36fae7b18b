/**
 * docker-compose.yml, parsed (with YAML merge keys), and the images it pins: the one place the tests read
 * them from, so the compose test and the TimescaleDB container test cannot drift apart.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  restart?: string;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  env_file?: unknown;
  environment?: Record<string, string>;
  volumes?: string[];
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
}

export function readComposeFile(): ComposeFile {
  return parse(readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8'), { merge: true }) as ComposeFile;
}

/** The image a compose service runs (throws when it has none). */
export function composeImage(service: string): string {
  const image = readComposeFile().services[service]?.image;
  if (image === undefined) throw new Error(`docker-compose.yml: service ${service} has no image`);
  return image;
}
