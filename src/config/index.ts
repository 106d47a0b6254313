/** Parsers and printers for the config a student types: `.env`, nginx upstream, HAProxy backend. */
export { type Diagnostic, type ParseResult, type Severity, escapeControlChars, formatDiagnostic, hasErrors } from './diagnostic';
export { type EnvSettings, parseEnv } from './env';
export { type EnvChanges, formatEnvValue, printEnv, updateEnvText } from './envPrint';
export { type LaravelNames, type LaravelNameStyle, laravelNames, laravelSlug, sessionRedisKey } from './laravelNames';
export { type NginxParseOptions, type NginxUpstream, parseNginxUpstream } from './nginx';
export { printNginxUpstream } from './nginxPrint';
export { type HaproxyBackend, parseHaproxyBackend } from './haproxy';
export { printHaproxyBackend } from './haproxyPrint';
export { DEFAULT_HASH_COOKIE, DEFAULT_STICKY_COOKIE, defaultBalancer } from './balancerDefaults';
